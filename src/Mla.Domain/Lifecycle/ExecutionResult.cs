using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

public static class ExecutionResult
{
    /// <summary>
    /// The status an MLA request reaches when its execution is recorded: Executed when every item was
    /// executed, PartiallyExecuted when at least one item was executed at least partly. False when there
    /// is no outcome, or no item was executed at all: that is a refusal, which needs coded grounds and
    /// reasons, so it must go through Refuse.
    /// </summary>
    public static bool TryGetTargetStatus(IReadOnlyCollection<ExecutionOutcome> outcomes, out RequestStatus status)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        status = default;
        if (outcomes.Count == 0 || outcomes.All(o => o == ExecutionOutcome.NotExecuted))
        {
            return false;
        }

        status = outcomes.All(o => o == ExecutionOutcome.Executed) ? RequestStatus.Executed : RequestStatus.PartiallyExecuted;
        return true;
    }

    internal const string NothingExecutedMessage =
        "At least one assistance item must be executed at least partly; when none was, refuse the request with its grounds.";
}
