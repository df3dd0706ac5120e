using Microsoft.Extensions.Options;
using Mla.Api.Features.Auth;

namespace Mla.Api.Features.Notifications;

/// <summary>Registrations of the notifications area: the user's preferences, what moved, and e-mail notices.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddMlaNotifications(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.SectionName);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<NoticeOptions>>().Value);
        services.AddScoped<MeReader>();
        services.AddScoped<UpdateFeed>();
        services.AddScoped<IUnreadUpdates>(provider => provider.GetRequiredService<UpdateFeed>());
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<IRequestEventListener, RequestEventFollowUp>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<OverdueDigests>();
        services.AddHostedService<NoticeWorker>();
        return services;
    }
}
