using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>Deadline figures (<see cref="DeadlineOptions"/>), search settings (<see cref="SearchOptions"/>) and the progress-tracking services.</summary>
    public static IServiceCollection AddMlaProgress(this IServiceCollection services)
    {
        services.AddBoundOptions<DeadlineOptions>(DeadlineOptions.SectionName);
        services.AddSingleton<IDeadlineFigures>(provider => provider.GetRequiredService<DeadlineOptions>());
        services.AddBoundOptions<SearchOptions>(SearchOptions.SectionName)
            .Validate(options => options.TotalCap >= 1, "Search:TotalCap must be at least 1.").ValidateOnStart();
        services.AddSingleton<ProgressBackfill>();
        services.AddHostedService<ProgressBackfillJob>();
        return services;
    }
}
