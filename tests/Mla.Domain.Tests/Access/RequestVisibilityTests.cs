using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Access;

public sealed class RequestVisibilityTests
{
    [TestCase(Role.CentralAuthority, "SEN", RequestStatus.Transmitted, PartySide.Requesting)]
    [TestCase(Role.CentralAuthority, "MLI", RequestStatus.Transmitted, PartySide.Requested)]
    [TestCase(Role.FocalPoint, "MLI", RequestStatus.Executed, PartySide.Requested)]
    [TestCase(Role.Prosecutor, "SEN", RequestStatus.Draft, PartySide.Requesting)]
    [TestCase(Role.Prosecutor, "sen", RequestStatus.Received, PartySide.Requesting)]
    public void SideOf_UserOfAPartyState_ThatSide(Role role, string userState, RequestStatus status, PartySide expected)
    {
        Assert.That(RequestVisibility.SideOf(role, userState, "SEN", "MLI", status), Is.EqualTo(expected));
    }

    [TestCase(Role.CentralAuthority, "MLI", RequestStatus.Draft)]
    [TestCase(Role.FocalPoint, "MLI", RequestStatus.Draft)]
    [TestCase(Role.CentralAuthority, "NER", RequestStatus.Received)]
    [TestCase(Role.CentralAuthority, null, RequestStatus.Received)]
    [TestCase(Role.Secretariat, "SEN", RequestStatus.Received)]
    [TestCase(Role.Admin, "SEN", RequestStatus.Received)]
    public void SideOf_DraftForRequestedSideOrThirdStateOrNoCaseAccess_Invisible(Role role, string? userState, RequestStatus status)
    {
        Assert.That(RequestVisibility.SideOf(role, userState, "SEN", "MLI", status), Is.Null);
    }
}
