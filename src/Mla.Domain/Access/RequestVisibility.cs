using Mla.Domain.Requests;

namespace Mla.Domain.Access;

public static class RequestVisibility
{
    /// <summary>
    /// The side the user is on, or null when the user may not see the request at all. Null must become
    /// 404, never 403, so a request's existence does not leak. A draft is visible to its requesting State
    /// only; secretariat and admin never see case content.
    /// </summary>
    public static PartySide? SideOf(Role role, string? userState, string requestingState, string requestedState, RequestStatus status)
    {
        if (role is Role.Secretariat or Role.Admin || string.IsNullOrWhiteSpace(userState))
        {
            return null;
        }

        if (string.Equals(userState, requestingState, StringComparison.OrdinalIgnoreCase))
        {
            return PartySide.Requesting;
        }

        if (status != RequestStatus.Draft && string.Equals(userState, requestedState, StringComparison.OrdinalIgnoreCase))
        {
            return PartySide.Requested;
        }

        return null;
    }
}
