namespace Mla.Api.Pages.Requests;

/// <summary>Registers a request that reached the user's State outside Mla (RegisterIncomingRequest): it starts at Received.</summary>
public sealed class IncomingModel : MlaPageModel
{
    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [BindProperty]
    public IncomingInput Arrival { get; set; } = new();

    public DraftChoices Choices { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Choices = await DraftChoices.LoadAsync(Sender, Text, cancellationToken);
        var today = await TodayAsync(cancellationToken);
        Input = new DraftInput { Kind = "mla", Language = Text.Language, IdempotencyKey = Guid.NewGuid().ToString("N") }.WithBlankRows();
        Arrival = new IncomingInput { OccurredOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choices = await DraftChoices.LoadAsync(Sender, Text, cancellationToken);
        var command = new RegisterIncomingRequestCommand { Kind = RequestKind.Mla, IdempotencyKey = Input.IdempotencyKey };
        foreach (var step in new[] { "basics", "facts", "persons", "assistance", "purpose" })
        {
            command = Input.ApplyTo(command, step, ModelState, Text);
        }

        command = command with
        {
            RequestingState = DraftInput.Blank(Arrival.RequestingState),
            OccurredOn = DraftInput.ParseDate("Arrival.OccurredOn", Arrival.OccurredOn, ModelState, Text),
            TransmittedOn = DraftInput.ParseDate("Arrival.TransmittedOn", Arrival.TransmittedOn, ModelState, Text),
            Channel = KebabCode.TryParse<TransmissionChannel>(Arrival.Channel, out var channel) ? channel : null,
            RequestingStateReference = DraftInput.Blank(Arrival.RequestingStateReference),
            RequestedSideReference = DraftInput.Blank(Arrival.RequestedSideReference),
        };
        if (!ModelState.IsValid)
        {
            Problem = Text["problem.invalid"];
            return Page();
        }

        Guid? id = null;
        if (await TryAsync(async () => id = (await Sender.Send(command, cancellationToken)).Id))
        {
            return Redirect($"/requests/{id}");
        }

        // The arrival's own fields are under "Arrival", the content's under "Input".
        foreach (var field in new[] { "RequestingState", "OccurredOn", "TransmittedOn", "Channel", "RequestingStateReference", "RequestedSideReference" })
        {
            if (ModelState.TryGetValue($"Input.{field}", out var entry))
            {
                var messages = entry.Errors.Select(error => error.ErrorMessage).ToList();
                ModelState.Remove($"Input.{field}");
                messages.ForEach(message => ModelState.AddModelError($"Arrival.{field}", message));
            }
        }

        return Page();
    }

    public sealed class IncomingInput
    {
        public string? RequestingState { get; set; }

        public string? OccurredOn { get; set; }

        public string? TransmittedOn { get; set; }

        public string? Channel { get; set; }

        public string? RequestingStateReference { get; set; }

        public string? RequestedSideReference { get; set; }
    }
}
