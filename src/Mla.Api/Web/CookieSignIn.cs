using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Mla.Api.Features.Auth;

namespace Mla.Api.Web;

/// <summary>
/// Signs a user in to the pages through the very command the token endpoint sends (<see cref="IssueTokenCommand"/>):
/// same password check, same failure count and lockout, same logs. The cookie carries the claims of the token
/// that command issued, so pages and API see the same user, role and State.
/// </summary>
public sealed class CookieSignIn(ISender sender, IHttpContextAccessor accessor)
{
    private static readonly string[] CarriedClaims =
        [MlaClaims.UserId, MlaClaims.Username, MlaClaims.Name, MlaClaims.Role, MlaClaims.State, MlaClaims.Network];

    /// <returns>False when the credentials were refused (the reason is logged by the command, never shown).</returns>
    public async Task<bool> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new IssueTokenCommand(username, password), cancellationToken);
        if (result.Token is not { } token)
        {
            return false;
        }

        // The token was signed a moment ago by this process: its claims are read, not re-validated.
        var jwt = new JsonWebToken(token.AccessToken);
        var claims = jwt.Claims.Where(claim => CarriedClaims.Contains(claim.Type)).Select(claim => new Claim(claim.Type, claim.Value));
        var identity = new ClaimsIdentity(claims, WebServiceCollectionExtensions.CookieScheme, MlaClaims.Name, MlaClaims.Role);
        var principal = new ClaimsPrincipal(identity);
        var context = accessor.HttpContext!;
        await context.SignInAsync(WebServiceCollectionExtensions.CookieScheme, principal,
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });

        // The pages follow the language kept on the account (so it follows the user to another browser),
        // unless this browser was switched to a language on the sign-in page itself.
        if (!context.Request.Cookies.ContainsKey(PageLanguage.CookieName))
        {
            context.User = principal;
            var me = await sender.Send(new GetMeQuery(), cancellationToken);
            PageLanguage.Remember(context.Response, me.Language);
        }

        return true;
    }
}
