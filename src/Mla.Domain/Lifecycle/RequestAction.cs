namespace Mla.Domain.Lifecycle;

// Declaration order is the order in which allowed actions are listed to users.
public enum RequestAction
{
    CreateDraft,
    RegisterIncoming,
    UpdateDraft,
    DiscardDraft,
    Transmit,
    AcknowledgeReceipt,
    StartExecution,
    AskInformation,
    ProvideInformation,
    Postpone,
    RecordExecution,
    Refuse,
    Withdraw,
    RecordProvisionalArrest,
    RecordExtraditionDecision,
    RecordSurrender,
    AddNote,
}
