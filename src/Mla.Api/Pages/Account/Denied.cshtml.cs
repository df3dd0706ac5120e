namespace Mla.Api.Pages.Account;

public sealed class DeniedModel : MlaPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
