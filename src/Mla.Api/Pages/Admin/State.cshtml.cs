using Mla.Api.Features.Admin;
using Mla.Api.Features.Directory;
using Mla.Api.Features.Reference;

namespace Mla.Api.Pages.Admin;

/// <summary>
/// One State's reference data: the languages it accepts requests in (<see cref="ChangeStateLanguagesCommand"/>) and
/// its central authority (<see cref="UpdateCentralAuthorityCommand"/>), each its own form, as the API changes them.
/// </summary>
public sealed class StateModel : MlaPageModel
{
    private static readonly char[] LanguageSeparators = [',', ';', ' '];

    public StateDto? State { get; private set; }

    /// <summary>The accepted languages as typed: codes in order of preference, separated by commas.</summary>
    [BindProperty]
    public string? Languages { get; set; }

    [BindProperty]
    public AuthorityInput Authority { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string iso3, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(iso3, cancellationToken))
        {
            return NotFoundPage();
        }

        Languages = string.Join(", ", State!.Languages);
        var authority = (await Sender.Send(new GetDirectoryQuery(), cancellationToken)).CentralAuthorities.FirstOrDefault(a => a.State == State.Iso3);
        Authority = new AuthorityInput
        {
            Name = authority?.Name,
            Address = authority?.Address,
            Phone = authority?.Phone,
            Email = authority?.Email,
            Letterhead = authority is null ? null : string.Join('\n', authority.Letterhead),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostLanguagesAsync(string iso3, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(iso3, cancellationToken))
        {
            return NotFoundPage();
        }

        // Only split: each code goes to the command as typed, so the page refuses exactly what the API refuses.
        var codes = (Languages ?? "").Split(LanguageSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (await TryAsync(() => Sender.Send(new ChangeStateLanguagesCommand(State!.Iso3, codes), cancellationToken).AsTask(), prefix: ""))
        {
            return Redirect($"/admin/states/{State!.Iso3}");
        }

        MoveErrorsTo(nameof(Languages), nameof(Languages));
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorityAsync(string iso3, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(iso3, cancellationToken))
        {
            return NotFoundPage();
        }

        var command = new UpdateCentralAuthorityCommand
        {
            State = State!.Iso3,
            Name = Authority.Name ?? "",
            Address = DraftInput.Blank(Authority.Address)?.ReplaceLineEndings("\n"),
            Phone = DraftInput.Blank(Authority.Phone),
            Email = DraftInput.Blank(Authority.Email),
            Letterhead = [.. (Authority.Letterhead ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        };
        if (await TryAsync(() => Sender.Send(command, cancellationToken).AsTask(), prefix: nameof(Authority)))
        {
            return Redirect($"/admin/states/{State.Iso3}");
        }

        MoveErrorsTo("Authority.Letterhead", "Authority.Letterhead");
        return Page();
    }

    private async Task<bool> LoadAsync(string iso3, CancellationToken cancellationToken)
    {
        var states = await Sender.Send(new GetStatesQuery(), cancellationToken);
        State = states.FirstOrDefault(state => string.Equals(state.Iso3, iso3, StringComparison.OrdinalIgnoreCase));
        return State is not null;
    }

    public sealed class AuthorityInput
    {
        public string? Name { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        /// <summary>The letterhead lines of the State's documents, one per line.</summary>
        public string? Letterhead { get; set; }
    }
}
