using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Notifications;

/// <summary>Routes of the signed-in user's preferences and updates, under <c>/api/me</c>: always the caller's own account.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me").WithTags("Authentication").ProducesProblem(StatusCodes.Status401Unauthorized);

        me.MapPut("/language", async (ChangeLanguageCommand command, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(command, ct)))
            .WithName("ChangeLanguage")
            .WithSummary("Choose your language: fr, en or pt")
            .WithDescription("The language of your interface and of your e-mail notices (French by default). Answers you as `GET /api/me` does.")
            .WithRequestExamples(_ => [new RequestExample("english", "English", new { language = "en" })])
            .ProducesValidationProblem();

        me.MapPut("/notifications", async (ChangeNotificationsCommand command, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(command, ct)))
            .WithName("ChangeNotifications")
            .WithSummary("Opt in or out of e-mail notices")
            .WithDescription("""
                With `email: true` you get an e-mail, in your language, when a request reaches your State (transmitted to it
                or registered) or changes status: its reference, kind, new status and a link, never facts or names. Notices
                go to your account's address; give `emailAddress` only if your account has none yet (an address an
                administrator set can only be changed by one). Secretariat and admin accounts see no request: 403.
                """)
            .WithRequestExamples(_ =>
            [
                new RequestExample("opt-in", "Opt in (the account has an address)", new { email = true }),
                new RequestExample("opt-in-with-address", "Opt in, giving the address of an account that has none", new { email = true, emailAddress = "point.focal@justice.example" }),
                new RequestExample("opt-out", "Opt out", new { email = false }),
            ])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var updates = me.MapGroup("/updates").RequireAuthorization(Policies.CaseWork).ProducesProblem(StatusCodes.Status403Forbidden);

        updates.MapGet("/", async (
                [FromQuery] DateTimeOffset? since,
                [FromQuery] int? page,
                [FromQuery] int? pageSize,
                ISender sender,
                CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListUpdatesQuery(since, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListUpdates")
            .WithSummary("What moved on your State's requests since a moment, newest first")
            .WithDescription("""
                Every event recorded on a request you may see after `since` (by default since you last marked your updates
                read): the request, its reference and kind, the action, the status after it, the State and role that acted
                (never a name) and when. One page at a time with `total`. `GET /api/me` shows how many are unread.
                """)
            .DescribeParameter("since", "An instant (ISO 8601, e.g. `2026-11-27T08:00:00Z`): events recorded after it. Default: when you last marked your updates read.")
            .DescribeParameter("page", $"The page, from 1 to {Requests.ListRequestsValidator.MaxPage} (default 1).")
            .DescribeParameter("pageSize", "Events per page, 1 to 100 (default 20).")
            .ProducesValidationProblem();

        updates.MapPost("/read", async (MarkUpdatesReadCommand? command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command ?? new MarkUpdatesReadCommand(), ct)))
            .WithName("MarkUpdatesRead")
            .WithSummary("Mark your updates read, up to a moment or everything now")
            .WithDescription("""
                Without a body, or with `{}`, everything recorded until now is read. With `until` (the `recordedAt` of the
                newest update you showed), what was recorded after it stays unread. The mark never moves back.
                """)
            .WithRequestExamples(_ =>
            [
                new RequestExample("everything", "Everything until now", new { }),
                new RequestExample("until", "Up to the newest update shown", new { until = "2026-11-27T08:30:00Z" }),
            ])
            .ProducesValidationProblem();

        return routes;
    }
}
