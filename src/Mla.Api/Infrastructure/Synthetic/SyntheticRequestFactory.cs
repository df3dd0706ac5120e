using System.Text.Json;
using Mla.Api.Infrastructure.Hosting;
using Mla.Domain.Access;
using Mla.Domain.Timeline;
using static Mla.Domain.Lifecycle.RequestAction;
using static Mla.Domain.Requests.RequestStatus;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// Makes synthetic requests that look exactly like what the API writes, deterministically from a seed
/// and each request's position: a plausible path through the lifecycle table to a status drawn from a
/// realistic mix (every status and kind), dated over five years before <see cref="SyntheticWorld.AsOf"/>,
/// by the users the lifecycle table allows; then sealed with the service's own chain
/// (<see cref="EventChain"/>) and record digest (<see cref="RequestRecord"/>), so that
/// <c>verify-audit</c> verifies every one of them.
/// </summary>
public static class SyntheticRequestFactory
{
    /// <summary>How many distinct persons recur across requests (same person, spelling varies): what related requests find.</summary>
    public const int RecurringPersons = 5000;

    private const int Years = 5;

    private static readonly (RequestKind, double)[] KindMix = [(RequestKind.Mla, 0.75), (RequestKind.Extradition, 0.17), (RequestKind.ProvisionalArrest, 0.08)];

    private static readonly (RequestStatus, double)[] StatusMix =
    [
        (Draft, 0.05), (Transmitted, 0.07), (Received, 0.08), (InExecution, 0.20), (AwaitingInformation, 0.06), (Postponed, 0.03),
        (Executed, 0.30), (PartiallyExecuted, 0.07), (Refused, 0.06), (Withdrawn, 0.08),
    ];

    private static readonly string[] OffenceCategories = [.. SyntheticVocabulary.Offences.Keys.Order(StringComparer.Ordinal)];

    private static readonly string[] EcowasStates = ["BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "NER", "NGA", "SEN", "SLE", "TGO"];

    private static readonly string[] MlaRefusalGrounds = ["non-compliance", "essential-interests", "domestic-law-forbids", "ne-bis-in-idem", "no-dual-criminality", "other"];

    private static readonly string[] ExtraditionRefusalGrounds = ["political-offence", "nationality", "lapse-of-time-or-amnesty", "prosecution-pending", "humanitarian-reasons", "death-penalty-without-assurances"];

    /// <summary>Plans the request at <paramref name="position"/> of a run: its content and its steps, not yet numbered nor sealed.</summary>
    public static SyntheticRequest Plan(SyntheticWorld world, int seed, long position)
    {
        var random = SyntheticRandom.For(seed, position);
        var kind = random.Weighted(KindMix);
        var target = random.Weighted(StatusMix);
        if (target == PartiallyExecuted && kind != RequestKind.Mla)
        {
            // Only MLA requests are executed item by item; an extradition ends with a surrender.
            target = Executed;
        }

        // A request the requested State registered on receipt never was a draft nor merely transmitted.
        var registered = target is not (Draft or Transmitted) && random.Chance(0.15);
        var origin = registered ? RequestOrigin.Registered : RequestOrigin.Drafted;
        var requesting = registered && random.Chance(0.05) ? random.Pick(SyntheticVocabulary.OutsideStates) : random.Pick(world.States);
        string requested;
        do
        {
            requested = random.Pick(world.States);
        }
        while (requested == requesting);

        var language = world.LanguageOf(requested);
        var content = Content(world, ref random, seed, kind, requesting, requested, language);
        var steps = Steps(world, ref random, kind, origin, target, requesting, requested, content);
        if (content.Urgency == Urgency.Urgent && random.Chance(0.6))
        {
            // The requesting State's own time limit, some months after it wrote the request.
            content = content with { TimeLimit = steps[0].OccurredOn.AddDays(random.Between(45, 240)) };
        }

        var id = random.NextVersion7(steps[0].RecordedAt);
        return new SyntheticRequest
        {
            Id = id,
            Kind = kind,
            Origin = origin,
            RequestingState = requesting,
            RequestedState = requested,
            RequestingAuthorityId = world.CentralAuthorities.TryGetValue(requesting, out var authority) ? authority : null,
            Content = content,
            Steps = steps,
        };
    }

    /// <summary>
    /// Seals a planned and numbered request as the service would have: each step's row, and its event
    /// with the digest of the record after it (<see cref="SyntheticRecord.Digest"/>), chained to the previous.
    /// </summary>
    public static void Seal(SyntheticRequest request)
    {
        var content = request.Content;
        var contentFields = SyntheticRecord.ContentFields(content);
        RequestRow? row = null;
        ChainedEvent? previous = null;
        List<ChainedEvent> events = new(request.Steps.Count);
        IReadOnlyList<ItemOutcome>? outcomes = null;
        (string AppliesTo, IReadOnlyList<string> Codes)? grounds = null;
        var number = request.ReferenceNumber?.ToString();
        for (var i = 0; i < request.Steps.Count; i++)
        {
            var step = request.Steps[i];
            var progress = step.Action is Transmit or RegisterIncoming ? step.Progress with { ReferenceNumber = number } : step.Progress;
            row = row is null
                ? new RequestRow
                {
                    Id = request.Id,
                    Kind = request.Kind,
                    Status = step.To,
                    Origin = request.Origin,
                    RequestingState = request.RequestingState,
                    RequestedState = request.RequestedState,
                    CreatedBy = step.Actor.Id,
                    CreatedAt = step.RecordedAt,
                    UpdatedAt = step.RecordedAt,
                    Version = 1,
                }
                : row with
                {
                    Status = step.To,
                    Version = row.Version + 1,
                    UpdatedAt = step.RecordedAt,
                    ClosedOn = step.To.IsFinal() && !row.Status.IsFinal() ? step.OccurredOn : row.ClosedOn,
                };
            row = Apply(row, progress);
            outcomes = step.Outcomes ?? outcomes;
            grounds = step.RefusalGrounds ?? grounds;

            var payload = step.Action switch
            {
                Transmit => new { referenceNumber = number, channel = progress.TransmissionChannel, language = progress.Language },
                RegisterIncoming => (object)new
                {
                    referenceNumber = number,
                    channel = progress.TransmissionChannel,
                    progress.RequestingStateReference,
                    progress.RequestedSideReference,
                },
                _ => step.Payload,
            };
            var digest = SyntheticRecord.Digest(row, contentFields, content.Assistance.Count, outcomes, grounds);
            previous = EventChain.Append(previous, new TimelineEvent(
                request.Id,
                i + 1,
                step.Action.ToCode(),
                step.From,
                step.To,
                step.Actor.Id,
                step.Actor.Role,
                step.Actor.State,
                step.OccurredOn,
                step.RecordedAt,
                step.Note,
                payload is null ? null : JsonSerializer.Serialize(payload, MlaJson.Options),
                digest));
            events.Add(previous);
        }

        request.Row = row! with { LastEventHash = previous!.Hash };
        request.Outcomes = outcomes;
        request.RefusalGrounds = grounds;
        request.Events = events;
    }

    private static RequestRow Apply(RequestRow row, RequestProgress progress) => row with
    {
        ReferenceNumber = progress.ReferenceNumber ?? row.ReferenceNumber,
        RequestingStateReference = progress.RequestingStateReference ?? row.RequestingStateReference,
        TransmissionChannel = progress.TransmissionChannel ?? row.TransmissionChannel,
        TransmittedOn = progress.TransmittedOn ?? row.TransmittedOn,
        ReceivedOn = progress.ReceivedOn ?? row.ReceivedOn,
        RequestedSideReference = progress.RequestedSideReference ?? row.RequestedSideReference,
        ExecutingAuthority = progress.ExecutingAuthority ?? row.ExecutingAuthority,
        ExtraditionDecision = progress.ExtraditionDecision ?? row.ExtraditionDecision,
        ProvisionalArrestOn = progress.ProvisionalArrestOn ?? row.ProvisionalArrestOn,
        SurrenderedOn = progress.SurrenderedOn ?? row.SurrenderedOn,
    };

    private static RequestContent Content(SyntheticWorld world, ref SyntheticRandom random, int seed, RequestKind kind, string requesting, string requested, string language)
    {
        var category = random.Pick(OffenceCategories);
        var offence = SyntheticVocabulary.Offences[category];
        var requestedCity = random.Pick(SyntheticVocabulary.Cities[requested]);
        var requestingCity = SyntheticVocabulary.Cities.TryGetValue(requesting, out var cities) ? random.Pick(cities) : requestedCity;
        var context = random.Pick(SyntheticVocabulary.Contexts);
        var contextText = string.Format(CultureInfo.InvariantCulture, Text(language, context.Fr, context.En, context.Pt), requestedCity, requestingCity);
        var offenceText = Text(language, offence.Fr, offence.En, offence.Pt);

        List<Offence> offences = [new(category, offenceText, LegalProvision(language, ref random), Penalty(language, offence.Penalty))];
        if (kind == RequestKind.Mla && random.Chance(0.3))
        {
            offences.Add(new("money-laundering", Text(language, "Blanchiment du produit de l'infraction", "Laundering of the proceeds", "Branqueamento do produto do crime"),
                LegalProvision(language, ref random), Penalty(language, "10")));
        }

        var urgent = kind == RequestKind.ProvisionalArrest || random.Chance(0.15);
        var persons = Persons(world, ref random, seed, kind, requesting, requested, requestedCity);
        var legalBases = LegalBases(ref random, kind, category, requesting, requested);
        var content = new RequestContent
        {
            Kind = kind,
            RequestedState = requested,
            LegalBases = legalBases,
            BilateralTreatyName = legalBases.Contains(WellKnownCodes.BilateralTreatyLegalBasis)
                ? Text(language, $"Convention de coopération judiciaire entre {requesting} et {requested}", $"Judicial cooperation treaty between {requesting} and {requested}", $"Acordo de cooperação judiciária entre {requesting} e {requested}")
                : null,
            Subject = $"{offenceText} – {contextText}",
            InvestigatingAuthority = Authority(language, requestingCity, ref random),
            Facts = Text(language, random.Pick(SyntheticVocabulary.Facts), random.Pick(SyntheticVocabulary.FactsEn), random.Pick(SyntheticVocabulary.FactsPt)),
            Offences = offences,
            Persons = persons,
            Purpose = kind == RequestKind.Mla
                ? Text(language, "Établir les faits et identifier les auteurs et les avoirs", "To establish the facts and identify the perpetrators and their assets", "Apurar os factos e identificar os autores e os bens")
                : null,
            Urgency = urgent ? Urgency.Urgent : Urgency.Normal,
            UrgencyReason = urgent ? Text(language, "Personne en détention provisoire ; délais de procédure", "Person in pre-trial detention; procedural time limits", "Pessoa em prisão preventiva; prazos processuais") : null,
            Language = language,
            Confidential = random.Chance(0.3),
        };

        return kind switch
        {
            RequestKind.Mla => content with { Assistance = Assistance(ref random, category, language) },
            RequestKind.Extradition when random.Chance(0.7) => content with
            {
                ExtraditionPurpose = ExtraditionPurpose.Prosecution,
                Warrant = Decision(ref random, language, requestingCity, "Mandat d'arrêt", "Arrest warrant", "Mandado de detenção"),
            },
            RequestKind.Extradition => content with
            {
                ExtraditionPurpose = ExtraditionPurpose.Sentence,
                Judgment = Decision(ref random, language, requestingCity, "Jugement", "Judgment", "Sentença"),
                SentenceRemaining = Text(language, $"{random.Between(2, 15)} ans", $"{random.Between(2, 15)} years", $"{random.Between(2, 15)} anos"),
                EnforceableSentenceProof = Text(language, "Certificat de non-appel", "Certificate that no appeal lies", "Certidão de trânsito em julgado"),
            },
            _ => content with
            {
                Warrant = Decision(ref random, language, requestingCity, "Mandat d'arrêt", "Arrest warrant", "Mandado de detenção"),
                ExtraditionWillBeRequested = true,
            },
        };
    }

    private static List<PersonConcerned> Persons(SyntheticWorld world, ref SyntheticRandom random, int seed, RequestKind kind, string requesting, string requested, string city)
    {
        var mainRole = kind == RequestKind.Mla ? random.Pick(["suspect", "suspect", "accused", "asset-holder"]) : WellKnownCodes.PersonSoughtRole;
        List<PersonConcerned> persons = [random.Chance(0.12) ? Recurring(ref random, seed, mainRole, requested, city) : Person(ref random, mainRole, world.States, requested, city)];
        if (kind == RequestKind.Mla)
        {
            for (var i = random.Between(0, 2); i > 0; i--)
            {
                persons.Add(Person(ref random, random.Pick(["witness", "victim", "suspect", "asset-holder"]), world.States, random.Chance(0.5) ? requesting : requested, city));
            }
        }

        return persons;
    }

    // The same person in several requests: the same name (spelled one way or another), birth date and, often, identity document.
    private static PersonConcerned Recurring(ref SyntheticRandom random, int seed, string role, string requested, string city)
    {
        var who = SyntheticRandom.For(seed, random.Next(RecurringPersons), stream: 7);
        var given = SyntheticVocabulary.GivenNames[who.Next(SyntheticVocabulary.GivenNames.Length)];
        var surname = SyntheticVocabulary.Surnames[who.Next(SyntheticVocabulary.Surnames.Length)];
        var born = new DateOnly(1960, 1, 1).AddDays(who.Next(365 * 42));
        var document = $"{(char)('A' + who.Next(26))}{who.Between(1000000, 9999999).ToString(CultureInfo.InvariantCulture)}";
        return new PersonConcerned(role, FullName(ref random, given, surname), requested, born, random.Chance(0.6) ? city : null, random.Chance(0.6) ? document : null);
    }

    private static PersonConcerned Person(ref SyntheticRandom random, string role, IReadOnlyList<string> states, string nationality, string city)
    {
        var given = random.Pick(SyntheticVocabulary.GivenNames);
        var surname = random.Pick(SyntheticVocabulary.Surnames);
        DateOnly? born = random.Chance(0.6) ? new DateOnly(1955, 1, 1).AddDays(random.Next(365 * 48)) : null;
        var document = random.Chance(0.4)
            ? random.Chance(0.5)
                ? $"{(char)('A' + random.Next(26))}{random.Between(1000000, 9999999).ToString(CultureInfo.InvariantCulture)}"
                : $"CNI {random.Between(100, 999).ToString(CultureInfo.InvariantCulture)}-{random.Between(1000, 9999).ToString(CultureInfo.InvariantCulture)}-{random.Between(10, 99).ToString(CultureInfo.InvariantCulture)}"
            : null;
        return new PersonConcerned(role, FullName(ref random, given, surname), random.Chance(0.8) ? nationality : random.Pick(states), born, random.Chance(0.6) ? city : null, document);
    }

    // "Aïssata Traoré", "Aissata TRAORE", "TRAORÉ Aïssata": the spellings and orders a register really holds.
    private static string FullName(ref SyntheticRandom random, string[] given, string[] surname)
    {
        var g = random.Chance(0.7) ? given[0] : random.Pick(given);
        var s = random.Chance(0.7) ? surname[0] : random.Pick(surname);
        return random.Next(10) switch
        {
            < 7 => $"{g} {s}",
            < 9 => $"{s.ToUpperInvariant()} {g}",
            _ => $"{g} {random.Pick(SyntheticVocabulary.GivenNames)[0]} {s}",
        };
    }

    private static List<string> LegalBases(ref SyntheticRandom random, RequestKind kind, string category, string requesting, string requested)
    {
        List<string> bases = [];
        if (EcowasStates.Contains(requesting) && EcowasStates.Contains(requested) && random.Chance(0.85))
        {
            bases.Add(kind == RequestKind.Mla ? "ecowas-mla-1992" : "ecowas-extradition-1994");
        }

        var convention = SyntheticVocabulary.ConventionOf[category];
        if (bases.Count == 0 || random.Chance(0.5))
        {
            bases.Add(convention);
        }

        if (bases.Count == 1 && bases[0] == "reciprocity" && random.Chance(0.3))
        {
            bases[0] = WellKnownCodes.BilateralTreatyLegalBasis;
        }

        return bases;
    }

    private static List<AssistanceItem> Assistance(ref SyntheticRandom random, string category, string language)
    {
        var pool = category is "money-laundering" or "corruption" or "economic-financial-crime" or "terrorism-financing"
            ? SyntheticVocabulary.FinancialAssistance
            : SyntheticVocabulary.GeneralAssistance;
        List<AssistanceItem> items = [];
        for (var count = random.Between(1, 3); items.Count < count;)
        {
            var type = random.Pick(pool);
            if (items.Exists(item => item.Type == type))
            {
                count--;
                continue;
            }

            var text = SyntheticVocabulary.Assistance[type];
            items.Add(new AssistanceItem(type, Text(language, text.Fr, text.En, text.Pt),
                type == "taking-evidence" && random.Chance(0.4) ? Text(language, "Audition sous serment", "Testimony under oath", "Depoimento sob juramento") : null));
        }

        return items;
    }

    private static AuthorityRef Authority(string language, string city, ref SyntheticRandom random) => language switch
    {
        "en" => new AuthorityRef($"Office of the Director of Public Prosecutions, {city}", random.Chance(0.5) ? "State Counsel" : "Investigating officer"),
        "pt" => new AuthorityRef($"Ministério Público, {city}", "Procurador da República"),
        _ => new AuthorityRef(
            random.Chance(0.5) ? $"Cabinet d'instruction n° {random.Between(1, 6)} du tribunal de grande instance de {city}" : $"Pôle judiciaire spécialisé de {city}",
            "Juge d'instruction"),
    };

    private static JudicialDecisionRef Decision(ref SyntheticRandom random, string language, string city, string fr, string en, string pt) => new(
        Text(language, $"Juge d'instruction de {city}", $"High Court, {city}", $"Tribunal judicial de {city}"),
        new DateOnly(2018, 1, 1).AddDays(random.Next(365 * 7)),
        $"{Text(language, fr, en, pt)} n° {random.Between(1, 999).ToString("D3", CultureInfo.InvariantCulture)}/{random.Between(2018, 2025).ToString(CultureInfo.InvariantCulture)}");

    private static string LegalProvision(string language, ref SyntheticRandom random) =>
        Text(language, $"Art. {random.Between(100, 400)} du code pénal", $"Section {random.Between(10, 300)} of the Criminal Code", $"Art. {random.Between(100, 400)}.º do Código Penal");

    private static string Penalty(string language, string years) =>
        Text(language, $"{years} ans d'emprisonnement", $"{years} years' imprisonment", $"{years} anos de prisão");

    private static string Text(string language, string fr, string en, string pt) => language switch
    {
        "en" => en,
        "pt" => pt,
        _ => fr,
    };

    private static List<SyntheticStep> Steps(
        SyntheticWorld world,
        ref SyntheticRandom random,
        RequestKind kind,
        RequestOrigin origin,
        RequestStatus target,
        string requesting,
        string requested,
        RequestContent content)
    {
        var extradition = kind != RequestKind.Mla;
        var drafted = origin == RequestOrigin.Drafted;
        List<(RequestAction Action, RequestStatus To, PartySide Side, Role Role, int Gap, object? Payload)> path = [];
        var status = Draft;
        void Go(RequestAction action, RequestStatus to, PartySide side, Role role, int gap, object? payload = null)
        {
            path.Add((action, to, side, role, gap, payload));
            status = to;
        }

        var r = random;
        Role RequestedActor() => r.Chance(0.4) ? Role.FocalPoint : Role.CentralAuthority;
        // The requesting State's own acts; on a registered request the requested central authority records them.
        var requestingSide = drafted ? PartySide.Requesting : PartySide.Requested;

        if (drafted)
        {
            Go(CreateDraft, Draft, PartySide.Requesting, Role.CentralAuthority, 0);
            if (target != Draft)
            {
                Go(Transmit, Transmitted, PartySide.Requesting, Role.CentralAuthority, r.Between(1, 40));
                if (target == Withdrawn && r.Chance(0.4))
                {
                    Go(Withdraw, Withdrawn, PartySide.Requesting, Role.CentralAuthority, r.Between(10, 200), new { reason = WithdrawReason(requesting, world) });
                }
                else if (target != Transmitted)
                {
                    Go(AcknowledgeReceipt, Received, PartySide.Requested, RequestedActor(), r.Between(2, 60), new { requestedSideReference = RequestedReference(ref r, requested) });
                }
            }
        }
        else
        {
            Go(RegisterIncoming, Received, PartySide.Requested, Role.CentralAuthority, 0);
        }

        if (status == Received && target != Received)
        {
            if (extradition && r.Chance(kind == RequestKind.ProvisionalArrest ? 0.8 : 0.3))
            {
                Go(RecordProvisionalArrest, Received, PartySide.Requested, RequestedActor(), r.Between(1, 20));
            }

            if (target == Postponed || (target != Withdrawn && target != Refused && r.Chance(0.08)))
            {
                Go(Postpone, Postponed, PartySide.Requested, Role.CentralAuthority, r.Between(5, 90), new { reason = Text(world.LanguageOf(requested), "Interférence avec une procédure nationale en cours", "Would interfere with an ongoing domestic investigation", "Interferência com um processo nacional em curso"), postponedUntil = (DateOnly?)null });
            }

            if (target == Refused && r.Chance(0.35))
            {
                Refuse(status);
            }
            else if (target == Withdrawn)
            {
                if (r.Chance(0.5) && status != Postponed)
                {
                    Go(StartExecution, InExecution, PartySide.Requested, RequestedActor(), r.Between(1, 60), new { executingAuthority = r.Pick(SyntheticVocabulary.ExecutingAuthorities) });
                }

                Go(Withdraw, Withdrawn, requestingSide, Role.CentralAuthority, r.Between(10, 300), new { reason = WithdrawReason(requesting, world) });
            }
            else if (target != Postponed)
            {
                Go(StartExecution, InExecution, PartySide.Requested, RequestedActor(), r.Between(1, 60), new { executingAuthority = r.Pick(SyntheticVocabulary.ExecutingAuthorities) });
                for (var rounds = r.Chance(0.3) ? r.Between(1, 2) : 0; rounds > 0; rounds--)
                {
                    Ask();
                    Go(ProvideInformation, InExecution, requestingSide, Role.CentralAuthority, r.Between(5, 120), new { informationProvided = Text(world.LanguageOf(requesting), "Les pièces demandées sont jointes.", "The documents requested are attached.", "Os documentos pedidos seguem em anexo.") });
                }

                if (target == AwaitingInformation)
                {
                    Ask();
                }
                else if (target == Refused)
                {
                    Refuse(status);
                }
                else if (target is Executed or PartiallyExecuted && !extradition)
                {
                    var items = content.Assistance.Count;
                    List<ItemOutcome> outcomes = [.. Enumerable.Range(0, items).Select(_ => new ItemOutcome(ExecutionOutcome.Executed, null))];
                    if (target == PartiallyExecuted)
                    {
                        // One item not (or only partly) executed: never all of them, or the request would be refused instead.
                        outcomes[r.Next(items)] = new ItemOutcome(items > 1 && r.Chance(0.5) ? ExecutionOutcome.NotExecuted : ExecutionOutcome.PartiallyExecuted,
                            Text(world.LanguageOf(requested), "Les personnes n'ont pas pu être localisées.", "The persons could not be located.", "As pessoas não foram localizadas."));
                    }

                    Go(RecordExecution, ExecutionResult.TryGetTargetStatus([.. outcomes.Select(o => o.Outcome)], out var reached) ? reached : PartiallyExecuted,
                        PartySide.Requested, RequestedActor(), r.Between(20, 300), outcomes);
                }
                else if (extradition && (target == Executed || r.Chance(0.5)))
                {
                    var decision = r.Chance(0.85) ? ExtraditionDecision.Granted : ExtraditionDecision.PartlyGranted;
                    Go(RecordExtraditionDecision, InExecution, PartySide.Requested, Role.CentralAuthority, r.Between(20, 200), decision);
                    if (target == Executed)
                    {
                        Go(RecordSurrender, Executed, PartySide.Requested, RequestedActor(), r.Between(5, 60));
                    }
                }
            }
        }

        if (status != Draft && r.Chance(0.15))
        {
            var side = r.Chance(0.5) || !world.IsRegionState(requesting) ? PartySide.Requested : PartySide.Requesting;
            Go(AddNote, status, side, r.Pick([Role.CentralAuthority, Role.FocalPoint, Role.Prosecutor]), r.Between(1, 60));
        }

        random = r;
        return Dated(world, ref random, path, kind, target, requesting, requested, content);

        void Ask() => Go(AskInformation, AwaitingInformation, PartySide.Requested, RequestedActor(), r.Between(10, 150),
            new { informationNeeded = Text(world.LanguageOf(requested), "Préciser l'adresse des personnes visées et joindre le mandat.", "Give the address of the persons concerned and attach the warrant.", "Indicar a morada das pessoas visadas."), respondBy = (DateOnly?)null });

        void Refuse(RequestStatus from)
        {
            if (extradition && from != AwaitingInformation && r.Chance(0.5))
            {
                Go(RecordExtraditionDecision, Refused, PartySide.Requested, Role.CentralAuthority, r.Between(20, 200), ExtraditionDecision.Refused);
            }
            else
            {
                Go(RequestAction.Refuse, Refused, PartySide.Requested, Role.CentralAuthority, r.Between(10, 200), "refuse");
            }
        }
    }

    // Lays the path out in time: its last step within the last two years for a request still pending (more
    // often recent), anywhere in the five years for a closed one; gaps shrink when they do not fit.
    private static List<SyntheticStep> Dated(
        SyntheticWorld world,
        ref SyntheticRandom random,
        List<(RequestAction Action, RequestStatus To, PartySide Side, Role Role, int Gap, object? Payload)> path,
        RequestKind kind,
        RequestStatus target,
        string requesting,
        string requested,
        RequestContent content)
    {
        var lastDay = world.AsOf.AddDays(-1);
        var firstDay = world.AsOf.AddYears(-Years);
        var span = path.Sum(p => p.Gap);
        var end = target.IsFinal()
            ? lastDay.AddDays(-random.Next(365 * Years))
            : lastDay.AddDays(-(random.Chance(0.75) ? random.Next(400) : random.Next(365 * 2)));
        var start = end.AddDays(-span);
        var scale = 1.0;
        if (start < firstDay)
        {
            start = firstDay.AddDays(random.Next(30));
            scale = Math.Max(0, end.DayNumber - start.DayNumber) / (double)Math.Max(1, span);
        }

        var language = world.LanguageOf(requested);
        List<SyntheticStep> steps = new(path.Count);
        var day = start;
        var recorded = DateTimeOffset.MinValue;
        RequestStatus? from = null;
        foreach (var (action, to, side, role, gap, payload) in path)
        {
            day = day.AddDays((int)Math.Round(gap * scale));
            if (day > lastDay)
            {
                day = lastDay;
            }

            // Recorded during office hours of that day, always after the previous step.
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero)
                .AddSeconds(random.Next(10 * 3600)).AddTicks(random.Next(10_000_000) / 10 * 10);
            recorded = at > recorded ? at : recorded.AddMinutes(random.Between(1, 30));
            var actorState = side == PartySide.Requesting ? requesting : requested;
            var actor = world.Actor(actorState, role);
            var note = action == AddNote ? random.Pick(SyntheticVocabulary.Notes) : null;
            var step = new SyntheticStep(action, from, to, actor, day, recorded, note);
            step = action switch
            {
                Transmit => step with
                {
                    Progress = new RequestProgress { TransmissionChannel = Channel(ref random), TransmittedOn = day, Language = content.Language },
                },
                RegisterIncoming => step with
                {
                    Progress = new RequestProgress
                    {
                        RequestingStateReference = $"{requesting}/{random.Between(1, 999).ToString(CultureInfo.InvariantCulture)}/{(day.Year - random.Next(2)).ToString(CultureInfo.InvariantCulture)}",
                        TransmissionChannel = Channel(ref random),
                        TransmittedOn = day.AddDays(-random.Between(3, 40)),
                        ReceivedOn = day,
                        RequestedSideReference = RequestedReference(ref random, requested),
                    },
                },
                AcknowledgeReceipt => step with
                {
                    Progress = new RequestProgress { ReceivedOn = day, RequestedSideReference = ReferenceOf(payload, "requestedSideReference") },
                    Payload = payload,
                },
                StartExecution => step with { Progress = new RequestProgress { ExecutingAuthority = ReferenceOf(payload, "executingAuthority") }, Payload = payload },
                RecordProvisionalArrest => step with { Progress = new RequestProgress { ProvisionalArrestOn = day } },
                RecordSurrender => step with { Progress = new RequestProgress { SurrenderedOn = day } },
                RecordExecution => step with { Outcomes = (List<ItemOutcome>)payload!, Payload = new { outcomes = payload } },
                RecordExtraditionDecision => DecisionStep(step, (ExtraditionDecision)payload!, ref random, language),
                RequestAction.Refuse => RefusalStep(step, kind, ref random, language),
                _ => step with { Payload = payload },
            };
            steps.Add(step);
            from = to;
        }

        return steps;
    }

    private static SyntheticStep DecisionStep(SyntheticStep step, ExtraditionDecision decision, ref SyntheticRandom random, string language)
    {
        IReadOnlyList<string> grounds = decision == ExtraditionDecision.Refused ? [random.Pick(ExtraditionRefusalGrounds)] : [];
        var reasons = decision == ExtraditionDecision.Refused
            ? Text(language, "La personne réclamée a la nationalité de l'État requis.", "The person sought is a national of the requested State.", "A pessoa reclamada é nacional do Estado requerido.")
            : null;
        return step with
        {
            Progress = new RequestProgress { ExtraditionDecision = decision },
            Payload = new { decision, grounds, reasons },
            RefusalGrounds = grounds.Count > 0 ? ("extradition", grounds) : null,
        };
    }

    private static SyntheticStep RefusalStep(SyntheticStep step, RequestKind kind, ref SyntheticRandom random, string language)
    {
        var mla = kind == RequestKind.Mla;
        IReadOnlyList<string> grounds = [random.Pick(mla ? MlaRefusalGrounds : ExtraditionRefusalGrounds)];
        var reasons = Text(language, "Les conditions de l'entraide ne sont pas réunies.", "The conditions for assistance are not met.", "Não estão reunidas as condições do auxílio.");
        return step with { Payload = new { grounds, reasons }, RefusalGrounds = (mla ? "mla" : "extradition", grounds) };
    }

    private static string? ReferenceOf(object? payload, string name) =>
        JsonSerializer.SerializeToElement(payload, MlaJson.Options).GetProperty(name).GetString();

    private static TransmissionChannel Channel(ref SyntheticRandom random) => random.Weighted(
    [
        (TransmissionChannel.CentralAuthority, 0.55), (TransmissionChannel.Diplomatic, 0.15), (TransmissionChannel.FocalPoint, 0.12),
        (TransmissionChannel.Interpol, 0.06), (TransmissionChannel.DirectJudicial, 0.04), (TransmissionChannel.Electronic, 0.08),
    ]);

    private static string RequestedReference(ref SyntheticRandom random, string requested) =>
        $"{requested}-CA-{random.Between(1, 9999).ToString("D4", CultureInfo.InvariantCulture)}";

    private static string WithdrawReason(string requesting, SyntheticWorld world) =>
        Text(world.LanguageOf(requesting), "La procédure nationale a été clôturée.", "The domestic proceedings were closed.", "O processo nacional foi arquivado.");
}
