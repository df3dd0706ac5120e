namespace Mla.Api.Pages.Requests;

/// <summary>The first drafting step: kind, States, legal bases and language. Saving it creates the draft (CreateDraft).</summary>
public sealed class NewModel : MlaPageModel
{
    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public DraftChoices Choices { get; private set; } = new();

    public async Task OnGetAsync(string? kind, CancellationToken cancellationToken)
    {
        Choices = await DraftChoices.LoadAsync(Sender, Text, cancellationToken);
        Input = new DraftInput { Kind = kind ?? "mla", Language = Text.Language, IdempotencyKey = Guid.NewGuid().ToString("N") };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choices = await DraftChoices.LoadAsync(Sender, Text, cancellationToken);
        var command = Input.ApplyTo(new CreateDraftCommand { Kind = RequestKind.Mla, IdempotencyKey = Input.IdempotencyKey }, "basics", ModelState, Text);
        Guid? id = null;
        if (await TryAsync(async () => id = (await Sender.Send(command, cancellationToken)).Id))
        {
            return Redirect($"/requests/{id}/draft/authorities");
        }

        return Page();
    }
}
