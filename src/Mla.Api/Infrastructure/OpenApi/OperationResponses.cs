using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>Small edits of an operation's responses shared by the transformers.</summary>
internal static class OperationResponses
{
    public const string ProblemJson = "application/problem+json";

    public static OpenApiResponse? Find(OpenApiOperation operation, int statusCode) =>
        operation.Responses is { } responses && responses.TryGetValue(Key(statusCode), out var response) ? response as OpenApiResponse : null;

    public static OpenApiResponse GetOrAdd(OpenApiOperation operation, int statusCode)
    {
        if (Find(operation, statusCode) is { } existing)
        {
            return existing;
        }

        var response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(statusCode) };
        operation.Responses ??= [];
        operation.Responses[Key(statusCode)] = response;
        return response;
    }

    public static void AddHeader(OpenApiOperation operation, int statusCode, string name, string description)
    {
        if (Find(operation, statusCode) is not { } response)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    /// <summary>Answers <paramref name="statusCode"/> with an RFC 9457 problem of <paramref name="schema"/>.</summary>
    public static void UseProblemSchema(OpenApiOperation operation, int statusCode, IOpenApiSchema schema)
    {
        var response = GetOrAdd(operation, statusCode);
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        response.Content[ProblemJson] = new OpenApiMediaType { Schema = schema };
    }

    private static string Key(int statusCode) => statusCode.ToString(CultureInfo.InvariantCulture);
}
