namespace Mla.Api.Infrastructure.Errors;

/// <summary>
/// Exceptions that handlers throw to say why a request cannot be served. Each one maps to exactly one
/// problem response in <see cref="ProblemExceptionHandler"/>. Messages must never contain personal data.
/// </summary>
public abstract class MlaException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }

    public abstract string Title { get; }

    /// <summary>The problem type URI, when the status alone does not say what went wrong.</summary>
    public virtual string? Type => null;

    /// <summary>Extra members added to the problem document.</summary>
    public virtual IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?>();
}

/// <summary>A request Mla cannot read at all (its path, not a field of its body): 400.</summary>
public sealed class BadRequestException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status400BadRequest;

    public override string Title => "Bad request";
}

/// <summary>An unknown id, or one the caller may not see (so its existence does not leak): 404.</summary>
public sealed class NotFoundException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public override string Title => "Not found";
}

/// <summary>A role that may never do this: 403.</summary>
public sealed class ForbiddenException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status403Forbidden;

    public override string Title => "Forbidden";
}

/// <summary>An action not allowed in the current state of things: 409, with what is allowed now.</summary>
public sealed class ConflictException(string message, IReadOnlyList<string>? allowedActions = null) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status409Conflict;

    public override string Title => "Conflict";

    public override IReadOnlyDictionary<string, object?> Extensions =>
        allowedActions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["allowedActions"] = allowedActions };
}

/// <summary>Input that is well-formed but cannot be processed (e.g. incomplete request): 422.</summary>
public sealed class UnprocessableException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status422UnprocessableEntity;

    public override string Title => "Unprocessable content";

    public override IReadOnlyDictionary<string, object?> Extensions => extensions ?? new Dictionary<string, object?>();
}

/// <summary>Input rejected field by field, outside FluentValidation (e.g. a code unknown to the database): 400.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : MlaException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors => errors;

    public override int StatusCode => StatusCodes.Status400BadRequest;

    public override string Title => "Invalid input";

    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["errors"] = errors };
}

/// <summary>A write without If-Match: 428.</summary>
public sealed class PreconditionRequiredException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status428PreconditionRequired;

    public override string Title => "Precondition required";
}

/// <summary>A write with a stale If-Match: 412.</summary>
public sealed class PreconditionFailedException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status412PreconditionFailed;

    public override string Title => "Precondition failed";
}

/// <summary>Content whose type is not accepted: 415.</summary>
public sealed class UnsupportedMediaTypeException(string message) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status415UnsupportedMediaType;

    public override string Title => "Unsupported media type";
}

/// <summary>Content larger than allowed: 413, with the limit when it helps the client (e.g. <c>maxBytes</c>).</summary>
public sealed class PayloadTooLargeException(string message, IReadOnlyDictionary<string, object?>? extensions = null) : MlaException(message)
{
    public override int StatusCode => StatusCodes.Status413PayloadTooLarge;

    public override string Title => "Content too large";

    public override IReadOnlyDictionary<string, object?> Extensions => extensions ?? new Dictionary<string, object?>();
}
