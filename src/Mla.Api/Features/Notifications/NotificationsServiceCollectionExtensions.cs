using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Notifications;

/// <summary>Registrations of the notifications area: the user's preferences, what moved, and e-mail notices.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddMlaNotifications(this IServiceCollection services)
    {
        services.AddBoundOptions<NoticeOptions>(NoticeOptions.SectionName);
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
