using System.Text.Json;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Reference;

namespace Mla.Api.Pages.Requests;

/// <summary>
/// Guided drafting, one step per part of the request: each step saves the draft (UpdateDraft with the version
/// shown as If-Match); the review shows what transmission still lacks, the PDF preview and the transmit form.
/// </summary>
public sealed class DraftModel : MlaPageModel
{
    public RequestDto Current { get; private set; } = null!;

    public string Step { get; private set; } = "basics";

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public DraftChoices Choices { get; private set; } = new();

    public string Today { get; private set; } = "";

    public IReadOnlyList<string> Steps => StepsFor(Current.Content.Kind);

    public static IReadOnlyList<string> StepsFor(RequestKind kind) =>
        kind == RequestKind.Mla ? DraftInput.Steps : [.. DraftInput.Steps.Where(step => step != "assistance")];

    public async Task<IActionResult> OnGetAsync(Guid id, string step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } notShown)
        {
            return notShown;
        }

        Input = DraftInput.From(Current.Content, Current.Version).WithBlankRows();
        if (Step == "review")
        {
            await CheckAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string step, string? go, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, step, cancellationToken) is { } notShown)
        {
            return notShown;
        }

        var command = Input.ApplyTo(new UpdateDraftCommand(Current.Content) { RequestId = id, ExpectedVersion = Input.Version }, Step, ModelState, Text);
        if (!ModelState.IsValid)
        {
            Problem = Text["problem.invalid"];
            return Page();
        }

        var saved = await TryAsync(() => Sender.Send(command, cancellationToken).AsTask());
        if (!saved)
        {
            // A second click on the same form finds its own save done: nothing to refuse.
            var current = await Sender.Send(new GetRequestQuery(id), cancellationToken);
            if (!SameContent(current.Content, command))
            {
                return Page();
            }
        }

        var steps = StepsFor(command.Kind).ToList();
        var next = go == "stay" ? Step : steps[Math.Min(steps.Count - 1, steps.IndexOf(Step) + 1)];
        return Redirect($"/requests/{id}/draft/{next}");
    }

    public string StepLink(string step) => $"/requests/{Current.Id}/draft/{step}";

    /// <summary>Whether two contents say the same (lists compared item by item, as JSON; a command's own fields left out).</summary>
    private static bool SameContent(RequestContent left, RequestContent right) =>
        JsonSerializer.Serialize(left) == JsonSerializer.Serialize(right);

    private async Task<IActionResult?> LoadAsync(Guid id, string step, CancellationToken cancellationToken)
    {
        if (await FindRequestAsync(id, cancellationToken) is not { } current)
        {
            return NotFoundPage();
        }

        Current = current;
        if (!Steps.Contains(step))
        {
            return NotFoundPage();
        }

        if (Current.Status != RequestStatus.Draft || !Current.AllowedActions.Contains(RequestAction.UpdateDraft))
        {
            return Redirect($"/requests/{id}");
        }

        Step = step;
        Choices = await DraftChoices.LoadAsync(Sender, Text, cancellationToken);
        Today = (await TodayAsync(cancellationToken)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>The completeness checklist: the domain's own rule, on what the API would transmit now.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var content = Current.Content;
        var states = await Sender.Send(new GetStatesQuery(), cancellationToken);
        var accepted = states.FirstOrDefault(state => state.Iso3 == content.RequestedState)?.Languages ?? [];
        var annexes = await Sender.Send(new ListAttachmentsQuery(Current.Id), cancellationToken);
        Missing = RequestCompleteness.Check(content, accepted, annexes.Any(annex => annex.IsTranslation));
    }
}
