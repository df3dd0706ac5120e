using Microsoft.Extensions.Options;
using Mla.Api.Features.Requests;

namespace Mla.Api.Features.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>Deadline figures (<see cref="DeadlineOptions"/>) and the progress-tracking services.</summary>
    public static IServiceCollection AddMlaProgress(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DeadlineOptions>>().Value);
        services.AddSingleton<IDeadlineFigures>(provider => provider.GetRequiredService<DeadlineOptions>());
        services.AddSingleton<ProgressBackfill>();
        services.AddHostedService<ProgressBackfillJob>();
        return services;
    }
}
