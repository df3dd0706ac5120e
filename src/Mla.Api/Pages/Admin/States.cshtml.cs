using Mla.Api.Features.Directory;
using Mla.Api.Features.Reference;

namespace Mla.Api.Pages.Admin;

/// <summary>Every State of the reference data: its accepted languages and its central authority, each a link to change them.</summary>
public sealed class StatesModel : MlaPageModel
{
    public IReadOnlyList<StateDto> States { get; private set; } = [];

    public IReadOnlyDictionary<string, CentralAuthorityDto> CentralAuthorities { get; private set; } = new Dictionary<string, CentralAuthorityDto>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var states = await Sender.Send(new GetStatesQuery(), cancellationToken);
        States = [.. states.OrderBy(state => Text.State(state.Iso3), StringComparer.Create(Text.Culture, ignoreCase: true))];
        CentralAuthorities = (await Sender.Send(new GetDirectoryQuery(), cancellationToken)).CentralAuthorities.ToDictionary(authority => authority.State);
    }
}
