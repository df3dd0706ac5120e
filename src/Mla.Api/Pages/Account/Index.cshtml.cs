using Microsoft.AspNetCore.Mvc;
using Mla.Api.Features.Auth;
using Mla.Api.Web;

namespace Mla.Api.Pages.Account;

/// <summary>The signed-in user, and the language of the pages.</summary>
public sealed class IndexModel : MlaPageModel
{
    public MeDto Me { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Me = await Sender.Send(new GetMeQuery(), cancellationToken);

    public IActionResult OnPostLanguage(string? language)
    {
        if (PageText.IsSupported(language))
        {
            PageLanguage.Remember(Response, language!);
        }

        return Redirect("/account");
    }
}
