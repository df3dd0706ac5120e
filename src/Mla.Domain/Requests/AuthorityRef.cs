namespace Mla.Domain.Requests;

public sealed record AuthorityRef(string? Name, string? Function);
