using Microsoft.AspNetCore.Authentication;

namespace Mla.Api.Pages.Account;

public sealed class SignOutModel : MlaPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebServiceCollectionExtensions.CookieScheme);
        return RedirectToPage();
    }
}
