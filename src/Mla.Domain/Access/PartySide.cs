namespace Mla.Domain.Access;

// The side of a request the user's State is on. It never changes for a given user and request.
public enum PartySide
{
    Requesting,
    Requested,
}
