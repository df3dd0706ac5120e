using Mla.Api.Features.Notifications;

namespace Mla.Api.Pages.Updates;

/// <summary>Every update on the user's requests, newest first, a page at a time: the API's update feed from its beginning.</summary>
public sealed class IndexModel : MlaPageModel
{
    public const int PageSize = 20;

    /// <summary>Before any request event: the feed from its beginning, not only what is unread.</summary>
    private static readonly DateTimeOffset Beginning = DateTimeOffset.UnixEpoch;

    public UpdatePage? Updates { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int LastPage => Updates is null ? 1 : (int)Math.Max(1, (Updates.Total + PageSize - 1) / PageSize);

    // From the query string alone: "page" is also Razor Pages' route value, the page's path (see Requests/Index).
    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        PageNumber = page ?? 1;
        await TryAsync(async () => Updates = await Sender.Send(new ListUpdatesQuery(Beginning, PageNumber, PageSize), cancellationToken), prefix: "");
    }
}
