using Microsoft.Extensions.Options;

namespace Mla.Api.Infrastructure.Hosting;

public static class BoundOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to its configuration section and registers the bound value itself as a
    /// singleton, so services take the settings they read without <see cref="IOptions{TOptions}"/>. The builder is
    /// returned for the settings' own checks.
    /// </summary>
    public static OptionsBuilder<TOptions> AddBoundOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(sectionName);
    }
}
