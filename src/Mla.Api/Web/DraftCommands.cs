using System.Text.Json;

namespace Mla.Api.Web;

/// <summary>The draft commands the drafting pages send, built from the content the steps assembled.</summary>
public static class DraftCommands
{
    public static CreateDraftCommand Create(RequestContent content, string? idempotencyKey) => new()
    {
        IdempotencyKey = idempotencyKey,
        Kind = content.Kind,
        RequestedState = content.RequestedState,
        LegalBases = content.LegalBases,
        BilateralTreatyName = content.BilateralTreatyName,
        Language = content.Language,
        Confidential = content.Confidential,
    };

    public static UpdateDraftCommand Update(RequestContent content, Guid id, int version) => new UpdateDraftCommand
    {
        Kind = content.Kind,
        RequestId = id,
        ExpectedVersion = version,
        RequestedState = content.RequestedState,
        LegalBases = content.LegalBases,
        BilateralTreatyName = content.BilateralTreatyName,
        Subject = content.Subject,
        InvestigatingAuthority = content.InvestigatingAuthority,
        Facts = content.Facts,
        Offences = content.Offences,
        Persons = content.Persons,
        Assistance = content.Assistance,
        Purpose = content.Purpose,
        Urgency = content.Urgency,
        UrgencyReason = content.UrgencyReason,
        TimeLimit = content.TimeLimit,
        Language = content.Language,
        Confidential = content.Confidential,
        Supplements = content.Supplements,
        Warrant = content.Warrant,
        Judgment = content.Judgment,
        ExtraditionPurpose = content.ExtraditionPurpose,
        SentenceRemaining = content.SentenceRemaining,
        EnforceableSentenceProof = content.EnforceableSentenceProof,
        RetrialAvailableInAbsentia = content.RetrialAvailableInAbsentia,
        ExtraditionWillBeRequested = content.ExtraditionWillBeRequested,
    };

    /// <summary>Whether two contents say the same (lists compared item by item, as JSON).</summary>
    public static bool SameContent(RequestContent left, RequestContent right) =>
        JsonSerializer.Serialize(left) == JsonSerializer.Serialize(right);
}
