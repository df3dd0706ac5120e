using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Lifecycle;

public sealed class ExecutionResultTests
{
    [TestCase(new[] { ExecutionOutcome.Executed }, RequestStatus.Executed)]
    [TestCase(new[] { ExecutionOutcome.Executed, ExecutionOutcome.Executed, ExecutionOutcome.Executed }, RequestStatus.Executed)]
    [TestCase(new[] { ExecutionOutcome.PartiallyExecuted }, RequestStatus.PartiallyExecuted)]
    [TestCase(new[] { ExecutionOutcome.Executed, ExecutionOutcome.PartiallyExecuted }, RequestStatus.PartiallyExecuted)]
    [TestCase(new[] { ExecutionOutcome.Executed, ExecutionOutcome.NotExecuted }, RequestStatus.PartiallyExecuted)]
    [TestCase(new[] { ExecutionOutcome.NotExecuted, ExecutionOutcome.PartiallyExecuted }, RequestStatus.PartiallyExecuted)]
    public void TryGetTargetStatus_SomethingExecuted_ExecutedOnlyWhenEveryItemIs(ExecutionOutcome[] outcomes, RequestStatus expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ExecutionResult.TryGetTargetStatus(outcomes, out var status), Is.True);
            Assert.That(status, Is.EqualTo(expected));
        }
    }

    [TestCase(new ExecutionOutcome[0])]
    [TestCase(new[] { ExecutionOutcome.NotExecuted })]
    [TestCase(new[] { ExecutionOutcome.NotExecuted, ExecutionOutcome.NotExecuted })]
    public void TryGetTargetStatus_NothingExecuted_FalseBecauseItIsARefusal(ExecutionOutcome[] outcomes)
    {
        Assert.That(ExecutionResult.TryGetTargetStatus(outcomes, out _), Is.False);
    }
}
