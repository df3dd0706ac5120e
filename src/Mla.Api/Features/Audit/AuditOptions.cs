namespace Mla.Api.Features.Audit;

/// <summary>The <c>Audit</c> configuration section: signed checkpoints of every request chain's head.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// Where checkpoints are written (by the <c>checkpoint</c> verb and the background job) and where the
    /// service looks for the newest one. No folder: no job, and timelines are checked without a checkpoint.
    /// </summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>How often the background job writes a checkpoint (default: daily; the first at start-up).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs checkpoints with HMAC-SHA256. When not set, a key is
    /// derived from the service's token signing key; a key of its own can be kept by the auditors alone.
    /// </summary>
    public string? CheckpointKey { get; set; }
}
