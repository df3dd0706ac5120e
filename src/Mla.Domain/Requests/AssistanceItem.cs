namespace Mla.Domain.Requests;

// Type is an assistance-type code; Procedure is any particular procedure to follow (e.g. testimony under oath), with reasons.
public sealed record AssistanceItem(string? Type, string? Description, string? Procedure);
