namespace Mla.Domain.Requests;

// Category is an offence-category code; LegalProvision and MaxPenalty are what dual criminality is judged on.
public sealed record Offence(string? Category, string? Description, string? LegalProvision, string? MaxPenalty);
