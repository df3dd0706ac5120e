using Mla.Domain.Progress;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// What the service stores beside a request's record and derives from it when a step ends
/// (<c>RequestStore.SetHeadAsync</c>): the deadlines' due dates and the clock's pauses
/// (<see cref="DeadlineRules"/>), the folded search terms (<see cref="SearchText"/>) and the persons' keys
/// (<see cref="PersonKeys"/>), computed from a sealed synthetic request by the code a step runs
/// (<see cref="RequestStore.ScheduleOf"/>, <see cref="RequestStore.SearchTermsOf"/>, <see cref="RequestStore.PersonKeysOf"/>),
/// so that search, overdue lists and related requests find synthetic requests as they find the others.
/// </summary>
public static class SyntheticDerivedRows
{
    /// <summary>The schedule's columns on <c>requests</c>, as every step writes them (<see cref="RequestStore.StoredSchedule"/>).</summary>
    public static readonly string[] ScheduleColumns = [.. RequestStore.StoredSchedule.Select(stored => stored.Column)];

    /// <summary>The request's schedule, in the order of <see cref="ScheduleColumns"/>.</summary>
    public static object?[] ScheduleValues(SyntheticRequest request, IDeadlineFigures figures)
    {
        var events = request.Events.Select(e => new StatusEvent(e.Event.OccurredOn, e.Event.ToStatus, e.Event.ActorState)).ToList();
        var schedule = RequestStore.ScheduleOf(request.Row!, request.Content, events, figures);
        return [.. RequestStore.StoredSchedule.Select(stored => stored.Value(schedule))];
    }

    public static IEnumerable<object?[]> SearchTerms(SyntheticRequest request)
    {
        var row = request.Row!;
        return RequestStore.SearchTermsOf(row, request.Content).Select(term => new object?[] { term, request.Id, row.RequestingState, row.RequestedState });
    }

    public static IEnumerable<object?[]> PersonKeyRows(SyntheticRequest request) =>
        RequestStore.PersonKeysOf(request.Content.Persons).Select(key => new object?[] { request.Id, key.Ordinal, key.Kind, key.Value });
}
