namespace Mla.Domain.Requests;

// An arrest warrant or a judgment: who issued it, when, under which reference.
public sealed record JudicialDecisionRef(string? IssuingAuthority, DateOnly? Date, string? Reference);
