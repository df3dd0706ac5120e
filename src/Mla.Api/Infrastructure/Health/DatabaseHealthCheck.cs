using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mla.Api.Infrastructure.Health;

/// <summary>Readiness: the database answers and its schema has been migrated.</summary>
public sealed class DatabaseHealthCheck(ISqlDialect dialect, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = new DbSession(dialect, options);
            var states = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM states", null, cancellationToken);
            return states > 0
                ? HealthCheckResult.Healthy($"{dialect.Engine} database ready")
                : HealthCheckResult.Unhealthy("Reference data has not been seeded.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The reason goes to the log through the health check publisher; the probe gets no internals.
            return HealthCheckResult.Unhealthy($"{dialect.Engine} database unavailable", exception);
        }
    }
}
