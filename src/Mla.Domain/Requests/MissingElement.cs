namespace Mla.Domain.Requests;

// Path is the JSON path of the field in RequestContent (camelCase, zero-based indexes:
// "offences[0].maxPenalty"), so a client can put the reason next to the field.
public sealed record MissingElement(string Path, string Reason);
