using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mla.Api.Infrastructure.Health;

/// <summary>Readiness: the record's append-only triggers are still in place (dropped while serving, the service is not ready).</summary>
public sealed class AppendOnlyHealthCheck(AppendOnly appendOnly) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var missing = await appendOnly.MissingTriggersAsync(cancellationToken);
            return missing.Count == 0
                ? HealthCheckResult.Healthy("append-only triggers in place")
                : HealthCheckResult.Unhealthy($"append-only triggers missing or disabled: {string.Join(", ", missing)}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("append-only triggers could not be checked", exception);
        }
    }
}
