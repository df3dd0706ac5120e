using Mla.Api.Features.Admin;
using Mla.Api.Features.Reference;

namespace Mla.Api.Pages.Admin;

/// <summary>The networks and their member States; a network's members change through the API's <see cref="ChangeNetworkMembersCommand"/>.</summary>
public sealed class NetworksModel : MlaPageModel
{
    public IReadOnlyList<NetworkDto> Networks { get; private set; } = [];

    /// <summary>The network being changed (<c>/admin/networks/{code}</c>), null on the list of networks.</summary>
    public NetworkDto? Network { get; private set; }

    public List<KeyValuePair<string, string>> States { get; private set; } = [];

    /// <summary>The member States as checked, kept when the form is refused.</summary>
    [BindProperty]
    public List<string> Members { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFoundPage();
        }

        Members = [.. Network?.Members ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken) || Network is null)
        {
            return NotFoundPage();
        }

        if (await TryAsync(() => Sender.Send(new ChangeNetworkMembersCommand(Network.Code, Members), cancellationToken).AsTask(), prefix: ""))
        {
            return Redirect($"/admin/networks/{Network.Code}");
        }

        MoveErrorsTo(nameof(Members), nameof(Members));
        return Page();
    }

    public string NetworkName(NetworkDto network) => Text.Language == "fr" ? network.NameFr : network.Name;

    private async Task<bool> LoadAsync(string? code, CancellationToken cancellationToken)
    {
        Networks = await Sender.Send(new GetNetworksQuery(), cancellationToken);
        States = await new ReferenceOptions(Sender, Text).StatesAsync(cancellationToken);
        if (code is null)
        {
            return true;
        }

        Network = Networks.FirstOrDefault(network => string.Equals(network.Code, code, StringComparison.OrdinalIgnoreCase));
        return Network is not null;
    }
}
