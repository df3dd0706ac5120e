using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// The document's title, the introduction a developer of a national case system reads first (the
/// conventions every route shares), and a line per tag.
/// </summary>
internal sealed class ApiIntroductionTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "Mla API";

    private const string Introduction = """
        Mla tracks mutual legal assistance (MLA) and extradition requests between the States of West Africa
        and the Sahel, from draft to execution, and produces the formal request document as a PDF.

        ## Signing in
        Every operation except `POST /api/auth/token` needs a bearer token. Send your username and password
        to `POST /api/auth/token`, then send the `accessToken` of its answer as `Authorization: Bearer <token>`
        (in this reference: the *Authentication* box, scheme `Bearer`). A token lasts 30 minutes by default.
        What you may see and do depends on your role and State: `GET /api/me` says which.

        ## Versions: ETag and If-Match
        Every answer carrying a request gives its version in the `ETag` header (`"3"`) and in `version`.
        Every write to a request (PUT, DELETE and the lifecycle POSTs) requires `If-Match` with that ETag:
        without it the write answers 428, and 412 when someone changed the request since you read it.

        ## Retries: Idempotency-Key
        The POSTs that create or change a request, and annex uploads, honour an optional `Idempotency-Key`
        header: the same key sent again by the same user with the same body answers the first answer again
        without acting twice, so a client may retry safely after a timeout.

        ## Errors
        Every error is an RFC 9457 problem (`application/problem+json`) with a `traceId`: 400 lists invalid
        fields in `errors`; 403 means your role may never do this; 404 an unknown id or a request your State
        may not see; 409 an action not allowed now, with `allowedActions`; 412 and 428 as above; 422 at
        transmission lists in `missing` what the request lacks.

        ## Codes and dates
        Codes are kebab-case strings (`provisional-arrest`): the fixed ones are enums in this document; those
        of the reference data (legal bases, offence categories, assistance types, person roles, refusal
        grounds) come from `/api/reference/*`. Dates are `yyyy-MM-dd`; `occurredOn` is when a step happened
        in the world: not in the future, and not before the request's previous event.

        ## A request's life
        A central authority creates a draft (`POST /api/requests`), completes it (`PUT`), adds annexes, and
        transmits it (`POST /api/requests/{id}/transmit`). The requested State acknowledges receipt, executes
        (or asks for information, postpones, refuses), and records the outcome; the requesting State may
        withdraw. A request's `allowedActions` says what you may do now. Each step is on its timeline.
        """;

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Authentication"] = "Signing in, and who you are.",
        ["Requests"] = "MLA, extradition and provisional arrest requests: drafts, transmission and every later step. Central authorities, focal points and prosecutors.",
        ["Documents"] = "The formal request document (PDF) and the annexes of a request.",
        ["Reference data"] = "The code lists a client needs to build its forms: States and their languages, networks, legal bases, offence categories, assistance types, person roles, refusal grounds.",
        ["Directory"] = "Central authorities and network focal points, with their contacts.",
        ["Administration"] = "User accounts and reference data. Administrators only.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Version = "v1";
        document.Info.Description = Introduction;

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in Tags)
        {
            if (document.Tags.FirstOrDefault(tag => tag.Name == name) is { } existing)
            {
                existing.Description = description;
            }
            else
            {
                document.Tags.Add(new OpenApiTag { Name = name, Description = description });
            }
        }

        return Task.CompletedTask;
    }
}
