namespace Mla.Domain.Timeline;

// An event as stored: its content, the hash of the event before it (null for the first) and its own hash.
public sealed record ChainedEvent(TimelineEvent Event, string? PreviousHash, string Hash);
