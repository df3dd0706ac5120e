using Mla.Domain.Access;

namespace Mla.Api.Features.Reports;

/// <summary>
/// Who may have which plenary report (issue 11): a secretariat its own network's, whole; a central authority
/// or a prosecutor the same tables restricted to the requests its State is party to, for a network its State
/// belongs to; nobody else. Decides the State a report is restricted to, so the handler cannot get it wrong.
/// </summary>
public sealed class PlenaryReportAccess(ICurrentUser currentUser)
{
    public const string NetworkScope = "network";
    public const string StateScope = "state";

    /// <returns>The State the report is restricted to, or null for the whole network.</returns>
    /// <exception cref="ForbiddenException">This user may not have this report.</exception>
    public string? RestrictTo(string network, string? scope, IReadOnlyCollection<string> members)
    {
        switch (currentUser.Role)
        {
            case Role.Secretariat:
                if (!string.Equals(currentUser.Network, network, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ForbiddenException("A secretariat reports on its own network only.");
                }

                if (scope is StateScope)
                {
                    throw new ForbiddenException("A secretariat reports on its whole network (scope=network).");
                }

                return null;
            case Role.CentralAuthority or Role.Prosecutor when currentUser.State is { Length: > 0 } state:
                if (scope is NetworkScope)
                {
                    throw new ForbiddenException("A State's users report on the requests their State is party to (scope=state).");
                }

                if (!members.Contains(state))
                {
                    throw new ForbiddenException("Your State is not a member of this network.");
                }

                return state;
            default:
                throw new ForbiddenException("Plenary reports are for network secretariats, central authorities and prosecutors.");
        }
    }
}
