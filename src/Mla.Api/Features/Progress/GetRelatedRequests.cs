using System.Diagnostics.CodeAnalysis;

namespace Mla.Api.Features.Progress;

/// <summary>Other requests the caller may see that concern a person of this one.</summary>
public sealed record GetRelatedRequestsQuery(Guid RequestId) : IQuery<IReadOnlyList<RelatedRequestDto>>;

/// <summary>
/// A request that concerns the same person as the one asked about: <see cref="Match"/> says why,
/// <c>identity-document</c> (the same document number) or <c>name</c> (the same name, spelling variants
/// aside); <see cref="Persons"/> indexes the persons of the request asked about.
/// </summary>
public sealed record RelatedRequestDto : ListedRequestDto
{
    public RelatedRequestDto()
    {
    }

    /// <summary>The request as <paramref name="callerState"/> sees it, related by <paramref name="match"/>.</summary>
    [SetsRequiredMembers]
    internal RelatedRequestDto(ListedRequestRow row, string? callerState, string match)
        : base(row)
    {
        Direction = row.DirectionFor(callerState);
        Match = match;
    }

    public RequestDirection Direction { get; init; }

    public string? Subject { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    /// <summary><c>identity-document</c> when a document number matched, else <c>name</c>.</summary>
    public required string Match { get; init; }

    /// <summary>Which persons of the request asked about (indexes of its <c>content.persons</c>) it concerns.</summary>
    public IReadOnlyList<int> Persons { get; init; } = [];
}

public sealed class GetRelatedRequestsHandler(IDbSession session, RequestAccess access, ICurrentUser currentUser)
    : IQueryHandler<GetRelatedRequestsQuery, IReadOnlyList<RelatedRequestDto>>
{
    /// <summary>At most this many related requests, the most recent first: a person sought everywhere is still one screen.</summary>
    public const int Limit = 50;

    /// <summary>
    /// The request's own keys against everyone's, an equality on (key_kind, key_value) served by
    /// ix_request_person_keys_value; then the caller's visibility, as every list applies it. The most
    /// recent <c>@limit</c> related requests are chosen first, from the matches' ids alone (the
    /// visibility and the creation instant are in <c>ix_requests_id_lookup</c>, migration 0015): a common
    /// name matches thousands of requests at a million, and reading each one's row to keep fifty made
    /// this grow with the register. Only the chosen requests' rows are read, with each key that matched.
    /// </summary>
    public static string RelatedSql(ISqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"""
            SELECT {ListedRequestRow.Columns}, r.created_at AS {nameof(RelatedRow.CreatedAt)},
                   mine.ordinal AS {nameof(RelatedRow.Ordinal)}, mine.key_kind AS {nameof(RelatedRow.KeyKind)}
            FROM (
                SELECT r.id AS related_id
                FROM requests r
                WHERE r.id IN (
                        SELECT theirs.request_id
                        FROM request_person_keys mine
                        JOIN request_person_keys theirs ON theirs.key_kind = mine.key_kind AND theirs.key_value = mine.key_value
                        WHERE mine.request_id = @id AND theirs.request_id <> @id)
                  AND {RequestAccess.VisibleCondition}
                ORDER BY r.created_at DESC, r.id
                {dialect.Paging("0", "@limit")}
            ) related
            JOIN requests r ON r.id = related.related_id
            JOIN request_person_keys theirs ON theirs.request_id = related.related_id
            JOIN request_person_keys mine ON mine.request_id = @id AND mine.key_kind = theirs.key_kind AND mine.key_value = theirs.key_value
            """;
    }

    public async ValueTask<IReadOnlyList<RelatedRequestDto>> Handle(GetRelatedRequestsQuery query, CancellationToken cancellationToken)
    {
        await access.GetAsync(query.RequestId, cancellationToken);
        var (state, draft) = access.ListScope();
        var rows = await session.QueryAsync<RelatedRow>(RelatedSql(session.Dialect), new { id = query.RequestId, state, draft, limit = Limit }, cancellationToken);
        return [.. rows
            .GroupBy(row => row.Id)
            .OrderByDescending(matches => matches.First().CreatedAt)
            .ThenBy(matches => matches.Key) // the SQL chose at most Limit requests; its join's rows come unordered
            .Select(matches =>
            {
                var r = matches.First();
                return new RelatedRequestDto(r, currentUser.State, matches.Any(m => m.KeyKind == "document") ? "identity-document" : "name")
                {
                    Subject = r.Subject,
                    TransmittedOn = r.TransmittedOn,
                    Persons = [.. matches.Select(m => m.Ordinal).Distinct().Order()],
                };
            })];
    }

    // Read as every list reads a request (its schedule's columns are among them, unused here).
    private sealed record RelatedRow : ListedRequestRow
    {
        public DateTimeOffset CreatedAt { get; init; }

        public int Ordinal { get; init; }

        public required string KeyKind { get; init; }
    }
}
