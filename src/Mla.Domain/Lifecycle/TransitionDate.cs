using System.Globalization;

namespace Mla.Domain.Lifecycle;

public static class TransitionDate
{
    /// <summary>
    /// Checks the date a transition happened in the world, as the user gives it. It may not be in the
    /// future, nor before the previous event of the request (the timeline must read in order). Returns
    /// the error to show, or null when the date is acceptable.
    /// </summary>
    /// <param name="occurredOn">When the transition happened, as the user says.</param>
    /// <param name="today">Today in the user's State: the caller decides the clock and time zone.</param>
    /// <param name="previousOccurredOn">The previous event's date; null for a request's first event.</param>
    /// <param name="previousMadeInAnotherState">
    /// The previous event was dated by a user of another State, maybe in another time zone: Niamey is
    /// already on the 28th when Bamako is still on the 27th, so a date one day before it is accepted.
    /// </param>
    public static string? Check(DateOnly occurredOn, DateOnly today, DateOnly? previousOccurredOn, bool previousMadeInAnotherState = false)
    {
        if (occurredOn > today)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The date {occurredOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
        }

        if (previousOccurredOn is { } previous && occurredOn < previous.AddDays(previousMadeInAnotherState ? -1 : 0))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The date {occurredOn:yyyy-MM-dd} is before the previous event of this request ({previous:yyyy-MM-dd}).");
        }

        return null;
    }
}
