using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// What each error status means in this API, on every operation that declares it, instead of the bare
/// reason phrase. The mapping behind them is the one of <c>ProblemExceptionHandler</c>; a route may say
/// more with <see cref="OpenApiConventions.WithResponseDescription"/>.
/// </summary>
internal sealed class ErrorResponseDescriptions : IOpenApiOperationTransformer
{
    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] =
            "Invalid input: `errors` maps each invalid field (camelCase JSON path, e.g. `offences[0].category`) to its messages. "
            + "A body that is not valid JSON, or that has a member the operation does not know, is refused here too.",
        [StatusCodes.Status401Unauthorized] =
            "No valid bearer token: get one from `POST /api/auth/token` and send it as `Authorization: Bearer <token>`. "
            + "An expired token, or one of a user disabled since, answers this too.",
        [StatusCodes.Status403Forbidden] =
            "Your role may never do this, whatever the request (e.g. a prosecutor transmitting, a secretariat reading case content).",
        [StatusCodes.Status404NotFound] =
            "Not found, or not visible to you: a request of another State answers exactly like an unknown id, so that its existence does not leak.",
        [StatusCodes.Status409Conflict] =
            "Not allowed now: the action conflicts with the current state of things (see `detail`).",
        [StatusCodes.Status412PreconditionFailed] =
            "`If-Match` names a version that is no longer current: someone changed the request since you read it. "
            + "Read it again (GET), look at what changed, and retry with its new ETag.",
        [StatusCodes.Status413PayloadTooLarge] =
            "The file is larger than the service accepts (`Documents:MaxAttachmentBytes`, 20 MB by default).",
        [StatusCodes.Status415UnsupportedMediaType] =
            "The content is not of an accepted type: a JSON body not sent as `application/json`, or an annex that is not a PDF, JPEG, PNG or DOCX file by its content.",
        [StatusCodes.Status422UnprocessableEntity] =
            "Well-formed, but cannot be acted on (see `detail`); an `Idempotency-Key` already used with another body or target answers this too.",
        [StatusCodes.Status428PreconditionRequired] =
            "`If-Match` is missing: send the request's ETag from the last answer carrying it (e.g. `GET /api/requests/{id}`), "
            + "so that nobody overwrites a change they have not seen.",
        [StatusCodes.Status429TooManyRequests] =
            "Too many sign-in attempts from your address: wait a minute and try again (`Authentication:TokenRequestsPerMinute`).",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, meaning) in Meanings)
        {
            if (OperationResponses.Find(operation, status) is { } response)
            {
                response.Description = meaning;
            }
        }

        return Task.CompletedTask;
    }
}
