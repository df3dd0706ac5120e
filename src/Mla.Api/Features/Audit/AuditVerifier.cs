namespace Mla.Api.Features.Audit;

/// <summary>
/// What the <c>verify-audit</c> verb runs: <see cref="RecordVerifier"/> on every request, and, given a
/// checkpoint file, each chain against the head the checkpoint saw, plus what only a checkpoint can
/// tell: a request it holds that the database lost, and one the database holds, with a history older
/// than the checkpoint, that the checkpoint never saw.
/// </summary>
public sealed class AuditVerifier(RecordVerifier verifier, IServiceProvider services)
{
    // A request whose first event is this much older than a checkpoint should be in it: a transmission
    // committing while the checkpoint was read is not.
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(1);

    public async Task<AuditReport> VerifyAsync(string? checkpointPath, CancellationToken cancellationToken)
    {
        Checkpoint? checkpoint = null;
        if (checkpointPath is not null)
        {
            var key = services.GetRequiredService<CheckpointKey>();
            try
            {
                checkpoint = Checkpoint.Read(checkpointPath);
            }
            catch (InvalidDataException unreadable)
            {
                return new AuditReport(0, [], CheckpointProblem: unreadable.Message);
            }

            if (!checkpoint.IsSignedBy(key))
            {
                return new AuditReport(0, [], checkpoint.CreatedAt,
                    $"it is not signed by this service's checkpoint key {key.Id} (it names key {checkpoint.KeyId}), or it was changed after it was signed");
            }
        }

        var anchors = checkpoint is null ? null : new CheckpointAnchors(checkpoint);
        var requests = await verifier.AllRequestsAsync(cancellationToken);
        var findings = new List<AuditFinding>();
        foreach (var request in requests)
        {
            CheckedChain? chain;
            try
            {
                chain = await verifier.CheckAsync(request.Id, anchors, cancellationToken);
            }
            catch (FormatException)
            {
                findings.Add(new AuditFinding(request.Id, request.ReferenceNumber, "BROKEN", "its row holds a code Mla never writes"));
                continue;
            }

            if (chain is null)
            {
                continue;
            }

            if (chain.Check.State != ChainState.Verified)
            {
                findings.Add(new AuditFinding(request.Id, request.ReferenceNumber, chain.Check.State.ToString().ToUpperInvariant(), chain.Check.Problem ?? ""));
            }
            else if (checkpoint is not null && !checkpoint.Heads.ContainsKey(request.Id)
                && chain.Events.Count > 0 && chain.Events[0].RecordedAt < checkpoint.CreatedAt - Slack)
            {
                findings.Add(new AuditFinding(request.Id, request.ReferenceNumber, "BROKEN",
                    $"its timeline starts before the checkpoint of {Instant(checkpoint.CreatedAt)}, which does not hold it: it was added to the database afterwards"));
            }
        }

        if (checkpoint is not null)
        {
            var known = requests.Select(r => r.Id).ToHashSet();
            findings.AddRange(checkpoint.Heads
                .Where(head => !known.Contains(head.Key))
                .OrderBy(head => head.Key.ToString("D"), StringComparer.Ordinal)
                .Select(head => new AuditFinding(head.Key, null, "MISSING",
                    $"the checkpoint of {Instant(checkpoint.CreatedAt)} holds it at version {head.Value.Version}, the database does not hold it at all")));
        }

        return new AuditReport(requests.Count, findings, checkpoint?.CreatedAt);
    }

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
