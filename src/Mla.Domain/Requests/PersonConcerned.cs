namespace Mla.Domain.Requests;

// Role is a person-role code (suspect, person-sought, witness...); Nationality an ISO3 code. Personal data: never logged.
public sealed record PersonConcerned(
    string? Role,
    string? FullName,
    string? Nationality,
    DateOnly? DateOfBirth,
    string? Location,
    string? IdentityDocument);
