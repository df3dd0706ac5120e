namespace Mla.Domain.Lifecycle;

// Declaration order is the order in which allowed actions are listed to users, and each member's
// kebab-case code is what the API exchanges (allowedActions, timeline action codes). New members go
// where they read naturally; existing members keep their relative order.
public enum RequestAction
{
    // Before the request exists: see RequestLifecycle.DecideCreation.
    CreateDraft,
    UpdateDraft,
    DiscardDraft,
    Transmit,

    // Before the request exists, on the requested side: a request that arrived outside Mla.
    RegisterIncoming,
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
    AddAnnex,
    AddNote,
}
