namespace Mla.Api.Pages.Requests;

/// <summary>The user's State's requests, newest first, with the list query's filters and paging.</summary>
public sealed class IndexModel : MlaPageModel
{
    public const int PageSize = 20;

    public string? Status { get; set; }

    public string? Kind { get; set; }

    public string? Direction { get; set; }

    public string? Q { get; set; }

    public string? Overdue { get; set; }

    public int PageNumber { get; set; } = 1;

    public RequestPage? Requests { get; set; }

    // The page number is read from the query string alone: "page" is also Razor Pages' route value (the
    // page's path, "/Requests/Index"), which the binder tried first, so every visit showed "not valid" and
    // a pager link's page number was never read.
    public async Task OnGetAsync(
        string? status, string? kind, string? direction, string? q, string? overdue, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        (Status, Kind, Direction, Q, Overdue, PageNumber) = (Blank(status), Blank(kind), Blank(direction), Blank(q), Blank(overdue), page ?? 1);
        var query = new ListRequestsQuery
        {
            Status = Status is null ? [] : [Status],
            Kind = Kind is null ? [] : [Kind],
            Direction = Direction,
            Q = Q,
            Overdue = Overdue,
            Page = PageNumber,
            PageSize = PageSize,
        };
        await TryAsync(async () => Requests = await Sender.Send(query, cancellationToken), prefix: "");
    }

    // Beyond the count's cap the total is a lower bound: a next page exists while pages are full.
    public int LastPage => Requests is null ? 1
        : Requests.TotalIsExact ? (int)Math.Max(1, (Requests.Total + PageSize - 1) / PageSize)
        : PageNumber + (Requests.Items.Count == PageSize ? 1 : 0);

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["kind"] = Kind,
        ["direction"] = Direction,
        ["q"] = Q,
        ["overdue"] = Overdue,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null)).ToUriComponent();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
