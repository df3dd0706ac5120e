using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A request row read with its stored schedule columns (kept in step by <see cref="RequestStore"/>, selected
/// by <see cref="RequestStore.ScheduleColumns"/>), from which its deadlines and pending days follow: the base
/// of the list's and the dashboard's rows. It is a <see cref="RequestSchedule"/>, so the schedule's columns
/// are declared once, in the domain.
/// </summary>
public abstract record ScheduledRow : RequestSchedule
{
    public RequestSchedule Schedule => this;
}
