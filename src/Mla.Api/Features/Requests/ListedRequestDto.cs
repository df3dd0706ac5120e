using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Mla.Api.Features.Requests;

/// <summary>
/// What every list of requests says first of each one (the search, the dashboard, related requests): which
/// request, what it is, where it stands and between which States, read from its <see cref="ListedRequestRow"/>.
/// Each list's DTO derives from it and adds what that list shows.
/// </summary>
public abstract record ListedRequestDto
{
    protected ListedRequestDto()
    {
    }

    [SetsRequiredMembers]
    protected ListedRequestDto(ListedRequestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Id = row.Id;
        ReferenceNumber = row.ReferenceNumber;
        Kind = KebabCode.Parse<RequestKind>(row.Kind);
        Status = KebabCode.Parse<RequestStatus>(row.Status);
        RequestingState = row.RequestingState;
        RequestedState = row.RequestedState;
    }

    // First in every list's JSON, as they were before the lists shared them: the serializer writes a base
    // record's properties after the derived one's unless told otherwise.
    [JsonPropertyOrder(-1)]
    public Guid Id { get; init; }

    [JsonPropertyOrder(-1)]
    public string? ReferenceNumber { get; init; }

    [JsonPropertyOrder(-1)]
    public RequestKind Kind { get; init; }

    [JsonPropertyOrder(-1)]
    public RequestStatus Status { get; init; }

    [JsonPropertyOrder(-1)]
    public required string RequestingState { get; init; }

    [JsonPropertyOrder(-1)]
    public required string RequestedState { get; init; }
}
