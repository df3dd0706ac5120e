using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Requests;

public sealed class RequestStatusExtensionsTests
{
    [TestCase(RequestStatus.Draft, ExpectedResult = false)]
    [TestCase(RequestStatus.Transmitted, ExpectedResult = false)]
    [TestCase(RequestStatus.Received, ExpectedResult = false)]
    [TestCase(RequestStatus.InExecution, ExpectedResult = false)]
    [TestCase(RequestStatus.AwaitingInformation, ExpectedResult = false)]
    [TestCase(RequestStatus.Postponed, ExpectedResult = false)]
    [TestCase(RequestStatus.Executed, ExpectedResult = true)]
    [TestCase(RequestStatus.PartiallyExecuted, ExpectedResult = true)]
    [TestCase(RequestStatus.Refused, ExpectedResult = true)]
    [TestCase(RequestStatus.Withdrawn, ExpectedResult = true)]
    public bool IsFinal_Status_TrueOnlyForTheFourFinalStatuses(RequestStatus status) => status.IsFinal();
}
