namespace Mla.Domain.Requests;

// Role is a person-role code (suspect, person-sought, witness...); Nationality an ISO3 code. Personal data: never logged.
// Place of birth, aliases, parents' names and the physical description identify a person sought as exactly as
// an extradition request needs (UN Model Treaty on Extradition art. 5; ECOWAS Extradition Convention).
public sealed record PersonConcerned(
    string? Role,
    string? FullName,
    string? Nationality,
    DateOnly? DateOfBirth,
    string? Location,
    string? IdentityDocument,
    string? PlaceOfBirth = null,
    string? Aliases = null,
    string? ParentsNames = null,
    string? PhysicalDescription = null);
