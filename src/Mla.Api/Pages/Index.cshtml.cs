using Mla.Api.Features.Notifications;
using Mla.Api.Features.Progress;
using Mla.Domain.Access;

namespace Mla.Api.Pages;

/// <summary>
/// The dashboard: the API's own dashboard query (counts per status, overdue deadlines, recent changes, oldest
/// pending) and the unread updates of the API's update feed, with the feed's own command to mark them read.
/// </summary>
public sealed class IndexModel : MlaPageModel
{
    /// <summary>How many of the newest unread updates the dashboard lists; the rest are a link away.</summary>
    public const int LatestUpdates = 5;

    public DashboardDto? Dashboard { get; private set; }

    /// <summary>The newest unread updates (since the user last marked them read) and how many there are in all.</summary>
    public UpdatePage? Unread { get; private set; }

    public bool CaseWork => UserRole is Role.CentralAuthority or Role.FocalPoint or Role.Prosecutor;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (CaseWork)
        {
            Dashboard = await Sender.Send(new GetDashboardQuery(), cancellationToken);
            Unread = await Sender.Send(new ListUpdatesQuery(Since: null, Page: 1, PageSize: LatestUpdates), cancellationToken);
        }
    }

    /// <summary>
    /// Marks read up to the newest update the page showed (<paramref name="until"/>), never up to now: an update
    /// recorded while the page was open stays unread. The mark never moves back, so a second submit changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostMarkReadAsync(string? until, CancellationToken cancellationToken)
    {
        if (!CaseWork)
        {
            return Redirect("/");
        }

        if (DateTimeOffset.TryParseExact(until, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var shownUntil)
            && await TryAsync(() => Sender.Send(new MarkUpdatesReadCommand(shownUntil), cancellationToken).AsTask(), prefix: ""))
        {
            return Redirect("/");
        }

        // A form that was not the page's own (no instant, or one in the future): nothing marked, and said so.
        Problem ??= Text["problem.400"];
        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>The instant of the newest update shown, as the form carries it back (round-trip, to the tick).</summary>
    public static string FormInstant(DateTimeOffset moment) => moment.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
