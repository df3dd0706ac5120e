using Mla.Domain.Progress;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// What the service stores beside a request's record and derives from it when a step ends
/// (<c>RequestStore.SetHeadAsync</c>): the deadlines' due dates and the clock's pauses
/// (<see cref="DeadlineRules"/>), the folded search terms (<see cref="SearchText"/>) and the persons' keys
/// (<see cref="PersonKeys"/>), computed from a sealed synthetic request with the same domain rules and
/// the same inputs, so that search, overdue lists and related requests find synthetic requests as they
/// find the others.
/// </summary>
public static class SyntheticDerivedRows
{
    /// <summary>The schedule's columns on <c>requests</c>, in the order <see cref="ScheduleValues"/> gives them.</summary>
    public static readonly string[] ScheduleColumns =
        ["receipt_due_on", "update_due_on", "time_limit_due_on", "arrest_expires_on", "next_due_on", "paused_days", "paused_since"];

    public static object?[] ScheduleValues(SyntheticRequest request, IDeadlineFigures figures)
    {
        var row = request.Row!;
        var content = request.Content;
        var events = request.Events.Select(e => e.Event).ToList();
        var requestedSideNews = events.Where(e => e.ActorState == row.RequestedState).Select(e => (DateOnly?)e.OccurredOn).Max();
        var schedule = DeadlineRules.Schedule(new ScheduleInput
        {
            Kind = row.Kind,
            Status = row.Status,
            TransmittedOn = row.TransmittedOn,
            ClosedOn = row.ClosedOn,
            TimeLimit = content.TimeLimit,
            ProvisionalArrestOn = row.ProvisionalArrestOn,
            SurrenderedOn = row.SurrenderedOn,
            History = new StatusHistory(events.Select(e => new StatusChange(e.OccurredOn, e.ToStatus))),
            LastRequestedSideEventOn = requestedSideNews,
        }, figures.FiguresFor(content.LegalBases));
        return [schedule.ReceiptDue, schedule.StatusUpdateDue, schedule.TimeLimitDue, schedule.ProvisionalArrestExpiry, schedule.NextDue, schedule.PausedDays, schedule.PausedSince];
    }

    public static IEnumerable<object?[]> SearchTerms(SyntheticRequest request)
    {
        var row = request.Row!;
        return SearchText.Terms([row.ReferenceNumber, row.RequestedSideReference, row.RequestingStateReference, request.Content.Subject, .. request.Content.Persons.Select(p => p.FullName)])
            .Select(term => new object?[] { term, request.Id, row.RequestingState, row.RequestedState });
    }

    public static IEnumerable<object?[]> PersonKeyRows(SyntheticRequest request) =>
        request.Content.Persons.SelectMany((person, ordinal) => new[]
            {
                (Kind: "name", Value: PersonKeys.NameKey(person.FullName), Ordinal: ordinal),
                (Kind: "document", Value: PersonKeys.DocumentKey(person.IdentityDocument), Ordinal: ordinal),
            })
            .Where(key => key.Value is not null)
            .Select(key => new object?[] { request.Id, key.Ordinal, key.Kind, key.Value });
}
