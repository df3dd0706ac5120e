using Mla.Api.Features.Progress;
using Mla.Api.Web;
using Mla.Domain.Access;

namespace Mla.Api.Pages;

/// <summary>The dashboard: the API's own dashboard query (counts per status, overdue deadlines, recent changes, oldest pending).</summary>
public sealed class IndexModel : MlaPageModel
{
    public DashboardDto? Dashboard { get; private set; }

    public bool CaseWork => UserRole is Role.CentralAuthority or Role.FocalPoint or Role.Prosecutor;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (CaseWork)
        {
            Dashboard = await Sender.Send(new GetDashboardQuery(), cancellationToken);
        }
    }
}
