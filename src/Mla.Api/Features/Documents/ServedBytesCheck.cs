using System.Security.Cryptography;
using System.Text.Json;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Documents;

/// <summary>
/// Checks a frozen document's or an annex's bytes before they are served as genuine: their SHA-256 must be
/// the one stored beside them, and the one the event that froze or added them sealed, in a chain whose
/// hashes hold. A row edited in the database (bytes, or bytes and hash together) is refused with
/// <see cref="IntegrityCheckFailedException"/> and logged without any of the record's content.
/// </summary>
public sealed partial class ServedBytesCheck(RequestTimeline timeline, ILogger<ServedBytesCheck> logger)
{
    /// <summary>What was stored: <c>document</c> for a frozen document, <c>annex</c> for an annex (the event payload's member).</summary>
    public async Task EnsureGenuineAsync(Guid requestId, string what, byte[] content, string storedSha256, CancellationToken cancellationToken)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(content));
        string? problem = null;
        if (!string.Equals(actual, storedSha256, StringComparison.Ordinal))
        {
            problem = "its bytes do not match their stored SHA-256";
        }
        else
        {
            var events = await timeline.AllAsync(requestId, cancellationToken);
            if (EventChain.Verify(events.Select(e => e.ToChained())) is { } broken)
            {
                problem = $"event {broken} of the timeline that sealed it does not verify";
            }
            else if (!events.Any(e => string.Equals(DeclaredSha256(e.Payload, what), storedSha256, StringComparison.Ordinal)))
            {
                problem = "no event of the timeline froze or added it with this SHA-256";
            }
        }

        if (problem is not null)
        {
            // Ids and what failed only: never a name, a file name or a byte of the content.
            LogIntegrityFailure(logger, what, requestId, problem);
            throw new IntegrityCheckFailedException(
                $"This {(what == "document" ? "document" : "annex")} failed its integrity check: the record as stored is not what was transmitted or added, so it is not served. The incident has been logged; the timeline shows where the record breaks.");
        }
    }

    private static string? DeclaredSha256(string? payload, string what)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(payload);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(what, out var item) && item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String
                ? sha.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity check failed: the {What} of request {RequestId} is not served ({Problem})")]
    private static partial void LogIntegrityFailure(ILogger logger, string what, Guid requestId, string problem);
}

/// <summary>Stored bytes that fail their integrity check: 409, with a problem type saying so.</summary>
public sealed class IntegrityCheckFailedException(string message) : MlaException(message)
{
    public const string ProblemType = "urn:mla:problem:integrity-check-failed";

    public override int StatusCode => StatusCodes.Status409Conflict;

    public override string Title => "Integrity check failed";

    public override string? Type => ProblemType;
}
