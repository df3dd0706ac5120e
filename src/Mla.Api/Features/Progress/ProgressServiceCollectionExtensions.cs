using Microsoft.Extensions.Options;

namespace Mla.Api.Features.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>Deadline figures (<see cref="DeadlineOptions"/>), search settings (<see cref="SearchOptions"/>) and the progress-tracking services.</summary>
    public static IServiceCollection AddMlaProgress(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DeadlineOptions>>().Value);
        services.AddSingleton<IDeadlineFigures>(provider => provider.GetRequiredService<DeadlineOptions>());
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName)
            .Validate(options => options.TotalCap >= 1, "Search:TotalCap must be at least 1.").ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SearchOptions>>().Value);
        services.AddSingleton<ProgressBackfill>();
        services.AddHostedService<ProgressBackfillJob>();
        return services;
    }
}
