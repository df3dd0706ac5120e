using Microsoft.AspNetCore.RateLimiting;

namespace Mla.Api.Pages.Account;

/// <summary>Cookie sign-in on the API's accounts, under the token endpoint's rate limit, lockout included.</summary>
[EnableRateLimiting(AuthServiceCollectionExtensions.TokenRateLimitPolicy)]
public sealed class SignInModel(CookieSignIn signIn) : MlaPageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Username))
        {
            ModelState.AddModelError(nameof(Username), Text["error.required"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Text["error.required"]);
        }

        if (!ModelState.IsValid)
        {
            Problem = Text["problem.invalid"];
            return Page();
        }

        var signedIn = false;
        if (!await TryAsync(async () => signedIn = await signIn.SignInAsync(Username!, Password!, cancellationToken), prefix: "") || !signedIn)
        {
            // Wrong, locked or disabled: one message, as the API's 401 says nothing more.
            Problem ??= Text["signIn.refused"];
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public IActionResult OnPostLanguage(string? language)
    {
        if (PageText.IsSupported(language))
        {
            PageLanguage.Remember(Response, language!);
        }

        return RedirectToPage();
    }
}
