namespace Mla.Api.Features.Audit;

/// <summary>One request whose record does not verify: <c>BROKEN</c>, <c>TRUNCATED</c> or <c>MISSING</c> (in the checkpoint, not in the database).</summary>
public sealed record AuditFinding(Guid RequestId, string? ReferenceNumber, string Verdict, string Problem);

/// <summary>
/// What <c>verify-audit</c> found: how many requests it checked, those that do not verify, and, when run
/// against a checkpoint, when that checkpoint was written or why it cannot be trusted.
/// </summary>
public sealed record AuditReport(
    int RequestsChecked,
    IReadOnlyList<AuditFinding> Findings,
    DateTimeOffset? CheckpointedAt = null,
    string? CheckpointProblem = null)
{
    public bool Verified => Findings.Count == 0 && CheckpointProblem is null;
}
