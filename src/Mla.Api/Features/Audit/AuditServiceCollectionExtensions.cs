using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Audit;

/// <summary>Registrations of the audit area: checkpoints, the job that writes them, and the verifier of every record.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddMlaAudit(this IServiceCollection services)
    {
        services.AddBoundOptions<AuditOptions>(AuditOptions.SectionName);
        services.AddSingleton<CheckpointKey>();
        services.AddSingleton<LatestCheckpoint>();
        services.AddSingleton<IChainAnchors>(provider => provider.GetRequiredService<LatestCheckpoint>());
        services.AddScoped<CheckpointWriter>();
        services.AddScoped<AuditVerifier>();
        services.AddHostedService<CheckpointJob>();
        return services;
    }
}
