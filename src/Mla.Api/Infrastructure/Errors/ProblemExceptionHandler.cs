using Microsoft.AspNetCore.Diagnostics;

namespace Mla.Api.Infrastructure.Errors;

/// <summary>
/// The one exception-to-problem mapping of the API (RFC 9457). Anything not recognised here is a bug:
/// it is logged with its stack trace and answered with a generic 500 that reveals nothing.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            MlaException mla => FromMlaException(mla),
            ValidationException validation => FromValidation(validation),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => FromJson(json),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Bad request",
                Detail = DescribeBadRequest(badRequest),
            },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nobody is left to answer.
                return true;
            }

            var method = httpContext.Request.Method;
            var path = httpContext.Request.Path.Value ?? "";
            LogUnhandled(logger, exception, method, path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "An unexpected error occurred. It has been logged; quote the trace id when reporting it.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromMlaException(MlaException exception)
    {
        var problem = new ProblemDetails { Status = exception.StatusCode, Title = exception.Title, Detail = exception.Message, Type = exception.Type };
        foreach (var (key, value) in exception.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static HttpValidationProblemDetails FromValidation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(failure => ToCamelPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = "One or more fields are invalid.",
        };
    }

    // A body that does not fit its schema is a field error like any other: the field's JSON path and
    // what it accepts, never the framework's message (it names .NET types) nor the value sent.
    private static HttpValidationProblemDetails FromJson(System.Text.Json.JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        var errors = new Dictionary<string, string[]>();
        if (MissingRequired().Match(exception.Message) is { Success: true } missing)
        {
            foreach (var name in missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                errors[field == "body" ? name : $"{field}.{name}"] = ["Required."];
            }
        }
        else if (DuplicateProperty().IsMatch(exception.Message))
        {
            errors[field] = ["Given more than once: send each field once."];
        }
        else if (UnmappedProperty().IsMatch(exception.Message))
        {
            errors[field] = ["Not a field of this body."];
        }
        else if (NotConvertible().Match(exception.Message) is { Success: true } target)
        {
            errors[field] = [EnumCodes(target.Groups["type"].Value) is { } codes
                ? Validation.ValidationRules.CodesMessage(codes)
                : "This value has the wrong type or form."];
        }
        else
        {
            // Not JSON at all: where it breaks, without quoting it.
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["Not valid JSON here."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid input",
                Detail = $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).",
            };
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = "One or more fields are invalid.",
        };
    }

    // The kebab-case codes of an enum of Mla's, named by its full type name in a framework message.
    private static IEnumerable<string>? EnumCodes(string typeName)
    {
        // The framework's sentence ends with a full stop right after the type's name.
        typeName = typeName.TrimEnd('.');
        var type = Type.GetType(typeName) ?? typeof(Domain.KebabCode).Assembly.GetType(typeName) ?? typeof(ProblemExceptionHandler).Assembly.GetType(typeName);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is { IsEnum: true } ? Enum.GetNames(type).Select(Domain.KebabCode.FromPascalCase) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?<type>[A-Za-z0-9_.+]+)")]
    private static partial System.Text.RegularExpressions.Regex NotConvertible();

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties,? including the following: (?<names>[A-Za-z0-9_, ]+)")]
    private static partial System.Text.RegularExpressions.Regex MissingRequired();

    [System.Text.RegularExpressions.GeneratedRegex(@"\ADuplicate propert")]
    private static partial System.Text.RegularExpressions.Regex DuplicateProperty();

    [System.Text.RegularExpressions.GeneratedRegex("could not be mapped to any .NET member")]
    private static partial System.Text.RegularExpressions.Regex UnmappedProperty();

    // The path only: query strings may carry search terms, which may be names of persons.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    // FluentValidation names properties as in C# (Offences[0].MaxPenalty); clients send camelCase JSON.
    private static string ToCamelPath(string propertyPath) => string.Join('.', propertyPath
        .Split('.')
        .Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    private static string DescribeBadRequest(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "The request body must be sent as application/json.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => DescribeBinding(exception.Message),
    };

    // The framework's binding message quotes the value sent ("from \"...\""), which may be a search term
    // holding a person's name: keep only the parameter's name.
    private static string DescribeBinding(string message) =>
        BindingParameter().Match(message) is { Success: true } match
            ? $"The parameter '{match.Groups["name"].Value}' has a value of the wrong form."
            : "A parameter of the request has a value of the wrong form.";

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BindingParameter();
}
