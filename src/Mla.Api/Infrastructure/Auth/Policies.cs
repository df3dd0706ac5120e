namespace Mla.Api.Infrastructure.Auth;

/// <summary>Authorization policies by role. Which request a user may see is decided separately, by State.</summary>
public static class Policies
{
    public const string Admin = "admin";

    /// <summary>Users who work on cases: central authorities, focal points and prosecutors.</summary>
    public const string CaseWork = "case-work";

    public const string CentralAuthority = "central-authority";

    public const string Secretariat = "secretariat";

    /// <summary>Users who may have a plenary report: secretariats (their network's), central authorities and prosecutors (their State's).</summary>
    public const string PlenaryReports = "plenary-reports";
}
