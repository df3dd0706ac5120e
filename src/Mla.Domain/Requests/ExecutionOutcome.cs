namespace Mla.Domain.Requests;

// Outcome of one assistance item of an MLA request.
public enum ExecutionOutcome
{
    Executed,
    PartiallyExecuted,
    NotExecuted,
}
