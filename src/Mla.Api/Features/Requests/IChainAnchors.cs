namespace Mla.Api.Features.Requests;

/// <summary>
/// Heads of request chains anchored outside the database (signed checkpoints), as the Requests feature
/// sees them: the one way it reaches the Audit feature, which implements this.
/// </summary>
public interface IChainAnchors
{
    /// <summary>The request's head in the newest checkpoint that holds it, or null when none does.</summary>
    ValueTask<AnchoredHead?> FindAsync(Guid requestId, CancellationToken cancellationToken);
}

/// <summary>A request's head as a checkpoint saw it: its version (the sequence number of its last event) and that event's hash.</summary>
public sealed record AnchoredHead(int Version, string Hash, DateTimeOffset CheckpointedAt);
