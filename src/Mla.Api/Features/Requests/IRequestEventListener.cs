using Mla.Domain.Timeline;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Told of every event a step records, inside the step's transaction, after the event and the request's
/// head are written: what it writes commits or rolls back with the event. The one way the Requests feature
/// reaches the Notifications feature (what moved, e-mail notices), which implements this.
/// </summary>
public interface IRequestEventListener
{
    Task EventRecordedAsync(TimelineEvent recorded, CancellationToken cancellationToken);
}
