using Mla.Api.Features.Requests;
using Mla.Api.Web;
using Mla.Domain;
using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Api.Pages;

/// <summary>The dashboard: how many of the State's requests stand in each status, and the ones changed last.</summary>
public sealed class IndexModel : MlaPageModel
{
    public IReadOnlyList<(RequestStatus Status, long Count)> Counts { get; private set; } = [];

    public IReadOnlyList<RequestSummaryDto> Recent { get; private set; } = [];

    public bool CaseWork => UserRole is Role.CentralAuthority or Role.FocalPoint or Role.Prosecutor;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CaseWork)
        {
            return;
        }

        var counts = new List<(RequestStatus, long)>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            var page = await Sender.Send(new ListRequestsQuery(status.ToCode(), null, null, 1, 1), cancellationToken);
            counts.Add((status, page.Total));
        }

        Counts = counts;
        Recent = (await Sender.Send(new ListRequestsQuery(null, null, null, 1, 5), cancellationToken)).Items;
    }
}
