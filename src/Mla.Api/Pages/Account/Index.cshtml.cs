using Mla.Api.Features.Auth;

namespace Mla.Api.Pages.Account;

/// <summary>
/// The signed-in user, the language of the pages and of their e-mail notices (kept on the account, so it
/// follows them to another browser), and their opt-in to e-mail notices.
/// </summary>
public sealed class IndexModel : MlaPageModel
{
    public MeDto Me { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Me = await Sender.Send(new GetMeQuery(), cancellationToken);

    public async Task<IActionResult> OnPostLanguageAsync(string? language, CancellationToken cancellationToken)
    {
        if (PageText.IsSupported(language))
        {
            await Sender.Send(new ChangeLanguageCommand(language!), cancellationToken);
            PageLanguage.Remember(Response, language!);
        }

        return Redirect("/account");
    }

    public async Task<IActionResult> OnPostNoticesAsync(bool email, string? emailAddress, CancellationToken cancellationToken)
    {
        var address = string.IsNullOrWhiteSpace(emailAddress) ? null : emailAddress.Trim();
        if (await TryAsync(() => Sender.Send(new ChangeNotificationsCommand(email, address), cancellationToken).AsTask(), prefix: ""))
        {
            return Redirect("/account");
        }

        // Refused (no address, or another address than the account's): the page again, with what was typed.
        EmailAddress = emailAddress;
        Me = await Sender.Send(new GetMeQuery(), cancellationToken);
        return Page();
    }

    /// <summary>What was typed in the address field, kept when the form is refused.</summary>
    public string? EmailAddress { get; private set; }
}
