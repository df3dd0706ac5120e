namespace Mla.Api.Pages.Requests;

/// <summary>
/// One short form per lifecycle action: the fields of that action's command, the version shown (If-Match) and
/// an idempotency key minted when the form was shown, so a second click replays the first instead of acting twice.
/// </summary>
public sealed class ActModel : MlaPageModel
{
    public RequestDto Current { get; private set; } = null!;

    public RequestAction Action { get; private set; }

    [BindProperty]
    public ActInput Input { get; set; } = new();

    public List<KeyValuePair<string, string>> Grounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, action, cancellationToken))
        {
            return NotFoundPage();
        }

        var today = await TodayAsync(cancellationToken);
        Input = new ActInput
        {
            Version = Current.Version,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            OccurredOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Outcomes = [.. Current.Content.Assistance.Select(_ => new OutcomeInput())],
            Language = Current.Content.Language,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, action, cancellationToken))
        {
            return NotFoundPage();
        }

        var occurredOn = ParseDate(nameof(ActInput.OccurredOn), Input.OccurredOn);
        var respondBy = ParseDate(nameof(ActInput.RespondBy), Input.RespondBy);
        var postponedUntil = ParseDate(nameof(ActInput.PostponedUntil), Input.PostponedUntil);
        if (!ModelState.IsValid)
        {
            Problem = Text["problem.invalid"];
            return Page();
        }

        if (Action == RequestAction.DiscardDraft)
        {
            return await TryAsync(() => Sender.Send(new DiscardDraftCommand(id, Input.Version), cancellationToken).AsTask())
                ? Redirect("/requests")
                : Page();
        }

        var command = Command(occurredOn, respondBy, postponedUntil);
        if (command is null)
        {
            return NotFoundPage();
        }

        return await TryAsync(() => Sender.Send(command, cancellationToken).AsTask())
            ? Redirect($"/requests/{id}")
            : Page();
    }

    private TransitionCommand? Command(DateOnly? occurredOn, DateOnly? respondBy, DateOnly? postponedUntil)
    {
        TransitionCommand? command = Action switch
        {
            RequestAction.Transmit => new TransmitRequestCommand
            {
                Channel = KebabCode.TryParse<TransmissionChannel>(Input.Channel, out var channel) ? channel : null,
                Language = Blank(Input.Language),
            },
            RequestAction.AcknowledgeReceipt => new AcknowledgeReceiptCommand { RequestedSideReference = Blank(Input.RequestedSideReference) },
            RequestAction.StartExecution => new StartExecutionCommand { ExecutingAuthority = Blank(Input.ExecutingAuthority) },
            RequestAction.AskInformation => new AskForInformationCommand { InformationNeeded = Blank(Input.InformationNeeded), RespondBy = respondBy },
            RequestAction.ProvideInformation => new ProvideInformationCommand { InformationProvided = Blank(Input.InformationProvided) },
            RequestAction.Postpone => new PostponeExecutionCommand { Reason = Blank(Input.Reason), PostponedUntil = postponedUntil },
            RequestAction.RecordExecution => new RecordExecutionCommand
            {
                Outcomes = [.. Input.Outcomes.Select(o => new ItemOutcomeInput(
                    KebabCode.TryParse<ExecutionOutcome>(o.Outcome, out var outcome) ? outcome : null, Blank(o.Note)))],
            },
            RequestAction.Refuse => new RefuseRequestCommand { Grounds = Input.Grounds, Reasons = Blank(Input.Reasons) },
            RequestAction.Withdraw => new WithdrawRequestCommand { Reason = Blank(Input.Reason) },
            RequestAction.RecordProvisionalArrest => new RecordProvisionalArrestCommand(),
            RequestAction.RecordExtraditionDecision => new RecordExtraditionDecisionCommand
            {
                Decision = KebabCode.TryParse<ExtraditionDecision>(Input.Decision, out var decision) ? decision : null,
                Grounds = Input.Grounds,
                Reasons = Blank(Input.Reasons),
            },
            RequestAction.RecordSurrender => new RecordSurrenderCommand(),
            RequestAction.AddNote => new AddNoteCommand(),
            _ => null,
        };
        return command is null ? null : command with
        {
            RequestId = Current.Id,
            ExpectedVersion = Input.Version,
            IdempotencyKey = Input.IdempotencyKey,
            OccurredOn = occurredOn,
            Note = Blank(Input.Note),
        };
    }

    private async Task<bool> LoadAsync(Guid id, string action, CancellationToken cancellationToken)
    {
        if (!KebabCode.TryParse<RequestAction>(action, out var parsed) || parsed is RequestAction.CreateDraft or RequestAction.RegisterIncoming or RequestAction.UpdateDraft or RequestAction.AddAnnex)
        {
            return false;
        }

        Action = parsed;
        if (await FindRequestAsync(id, cancellationToken) is not { } current)
        {
            return false;
        }

        Current = current;

        if (Action is RequestAction.Refuse or RequestAction.RecordExtraditionDecision)
        {
            var appliesTo = Current.Content.Kind == RequestKind.Mla ? "mla" : "extradition";
            Grounds = await new ReferenceOptions(Sender, Text).RefusalGroundsAsync(appliesTo, cancellationToken);
        }

        return true;
    }

    private DateOnly? ParseDate(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError($"Input.{field}", Text["error.date"]);
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public sealed class ActInput
    {
        public int Version { get; set; }

        public string? IdempotencyKey { get; set; }

        public string? OccurredOn { get; set; }

        public string? Note { get; set; }

        public string? Channel { get; set; }

        public string? Language { get; set; }

        public string? RequestedSideReference { get; set; }

        public string? ExecutingAuthority { get; set; }

        public string? InformationNeeded { get; set; }

        public string? RespondBy { get; set; }

        public string? InformationProvided { get; set; }

        public string? Reason { get; set; }

        public string? PostponedUntil { get; set; }

        public List<OutcomeInput> Outcomes { get; set; } = [];

        public List<string> Grounds { get; set; } = [];

        public string? Reasons { get; set; }

        public string? Decision { get; set; }
    }

    public sealed class OutcomeInput
    {
        public string? Outcome { get; set; }

        public string? Note { get; set; }
    }
}
