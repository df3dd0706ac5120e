namespace Mla.Domain.Lifecycle;

// How a lifecycle row decides the status after the action.
public enum TargetRule
{
    /// <summary>Always the row's <see cref="LifecycleRow.To"/>.</summary>
    Fixed,

    /// <summary>The status does not change (notes, edits, provisional arrest).</summary>
    Unchanged,

    /// <summary>Executed or PartiallyExecuted, from the outcome of each assistance item (<see cref="ExecutionResult"/>).</summary>
    FromExecutionOutcomes,

    /// <summary>InExecution when granted or partly granted, Refused when refused.</summary>
    FromExtraditionDecision,

    /// <summary>The draft is deleted: there is no status after the action.</summary>
    Discarded,
}
