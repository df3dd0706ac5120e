using System.Text.Json;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.Audit;

/// <summary>
/// Records who changed reference data or accounts, when, and from what to what, in the same
/// transaction as the change itself. Details are written with the API's JSON conventions
/// (<see cref="MlaJson"/>), as the timeline's payloads are.
/// </summary>
public sealed class AuditTrail(IDbSession session, ICurrentUser currentUser, TimeProvider time)
{
    private const string InsertSql = """
        INSERT INTO audit_entries (id, recorded_at, user_id, action_code, entity, entity_key, details)
        VALUES (@id, @recordedAt, @userId, @action, @entity, @key, @details)
        """;

    public Task RecordAsync(string action, string entity, string key, object? details, CancellationToken cancellationToken) =>
        session.ExecuteAsync(InsertSql, new
        {
            id = Guid.CreateVersion7(),
            recordedAt = time.GetUtcNow(),
            userId = currentUser.IsAuthenticated ? currentUser.Id : (Guid?)null,
            action,
            entity,
            key,
            details = details is null ? null : JsonSerializer.Serialize(details, MlaJson.Options),
        }, cancellationToken);
}
