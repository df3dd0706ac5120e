namespace Mla.Domain.Lifecycle;

// Why an action was denied; each maps to one HTTP status in the API.
public enum DenialReason
{
    /// <summary>No status of any request of any kind lets this role, on this side, do this action: 403.</summary>
    RoleNeverAllowed,

    /// <summary>The action exists for this role and side, but not for this request's status or kind now: 409, with the allowed actions.</summary>
    NotAllowedNow,

    /// <summary>The action is allowed but the outcome supplied cannot be recorded (e.g. every item not executed: refuse instead): 422.</summary>
    InvalidOutcome,
}
