using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mla.Domain.Access;

namespace Mla.Api.Web;

/// <summary>
/// What every page shares: the mediator (pages send the API's own commands and queries, so the rules cannot
/// differ), the page text in the user's language, and one translation of refusals into messages beside the
/// fields (validation failures) or at the top of the form (the lifecycle's problems).
/// </summary>
public abstract class MlaPageModel : PageModel
{
    private PageText? _text;

    protected ISender Sender => HttpContext.RequestServices.GetRequiredService<ISender>();

    protected ICurrentUser CurrentUser => HttpContext.RequestServices.GetRequiredService<ICurrentUser>();

    public PageText Text => _text ??= PageText.For(PageLanguage.Of(HttpContext));

    public PageForm Form => new(ModelState, Text);

    /// <summary>Why the last action was refused, in the user's language, when it is not about one field.</summary>
    public string? Problem { get; set; }

    /// <summary>The lifecycle's own words for the refusal (its problem detail).</summary>
    public string? ProblemDetail { get; set; }

    /// <summary>The HTTP status the API answers for the last refusal (400 for field errors), null while nothing was refused.</summary>
    public int? ProblemStatus { get; private set; }

    /// <summary>What a request still lacks before it may be transmitted (the 422 <c>missing</c> list).</summary>
    public IReadOnlyList<MissingElement> Missing { get; set; } = [];

    /// <summary>The request asked for does not exist or is not the user's State's to see: the page answers 404.</summary>
    public bool IsNotFound { get; private set; }

    public Role? UserRole => User.Identity?.IsAuthenticated == true && Mla.Domain.KebabCode.TryParse<Role>(User.FindFirst(MlaClaims.Role)?.Value, out var role) ? role : null;

    /// <summary>The request as the user's State sees it, or null when it does not exist or is not theirs to see (<see cref="NotFoundPage"/>).</summary>
    protected async Task<RequestDto?> FindRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await Sender.Send(new GetRequestQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The user's today: the date in the time zone of the user's State (<see cref="UserClock"/>), what the forms propose for a step's date.</summary>
    protected Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        HttpContext.RequestServices.GetRequiredService<UserClock>().TodayAsync(cancellationToken);

    protected PageResult NotFoundPage()
    {
        IsNotFound = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>
    /// Sends <paramref name="action"/>; a refusal becomes messages on the page (under <paramref name="prefix"/> for
    /// the fields) and false, so the page can be shown again with everything typed.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, string prefix = "Input")
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationException exception)
        {
            foreach (var failure in exception.Errors)
            {
                ModelState.AddModelError(FieldKey(prefix, failure.PropertyName), ValidationMessage(failure));
            }

            Problem = Text["problem.invalid"];
            ProblemStatus = StatusCodes.Status400BadRequest;
        }
        catch (InvalidInputException exception)
        {
            foreach (var (field, _) in exception.Errors)
            {
                ModelState.AddModelError(FieldKey(prefix, field), Text["error.invalid"]);
            }

            Problem = Text["problem.invalid"];
            ProblemStatus = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException)
        {
            throw;
        }
        catch (MlaException exception)
        {
            Problem = Text[$"problem.{exception.StatusCode}"];
            ProblemDetail = exception.Message;
            ProblemStatus = exception.StatusCode;
            if (exception.Extensions.TryGetValue("missing", out var missing) && missing is IReadOnlyList<MissingElement> elements)
            {
                Missing = elements;
            }
        }

        return false;
    }

    /// <summary>
    /// Shows on one field the errors of a list the form edits as a whole (<c>Languages[1]</c>, or the message itself
    /// when <paramref name="from"/> is the bare prefix), so each error sits next to the field that was typed.
    /// </summary>
    protected void MoveErrorsTo(string field, string from)
    {
        foreach (var key in ModelState.Keys.Where(key => key == from || key.StartsWith(from + "[", StringComparison.Ordinal)).ToList())
        {
            if (key == field)
            {
                continue;
            }

            foreach (var error in ModelState[key]!.Errors)
            {
                ModelState.AddModelError(field, error.ErrorMessage);
            }

            ModelState.Remove(key);
        }
    }

    /// <summary>The form key of a message's field: <c>offences[0].maxPenalty</c> is <c>Input.Offences[0].MaxPenalty</c>.</summary>
    public static string FieldKey(string prefix, string propertyPath)
    {
        var parts = propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        var path = string.Join('.', parts);
        return string.IsNullOrEmpty(prefix) ? path : string.IsNullOrEmpty(path) ? prefix : $"{prefix}.{path}";
    }

    private string ValidationMessage(ValidationFailure failure) => failure.ErrorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => Text["error.required"],
        "MaximumLengthValidator" or "LengthValidator" when failure.FormattedMessagePlaceholderValues?.TryGetValue("MaxLength", out var max) == true
            => Text.Format("error.tooLong", max),
        "InclusiveBetweenValidator" => Text["error.outOfRange"],
        _ => Text["error.invalid"],
    };
}
