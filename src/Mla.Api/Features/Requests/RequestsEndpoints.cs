using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Http;
using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Routes of the request lifecycle. Writes take <c>If-Match</c> (the request's ETag, its version) and
/// POSTs an optional <c>Idempotency-Key</c>; every answer carrying a request carries its ETag.
/// </summary>
public static class RequestsEndpoints
{
    public static IEndpointRouteBuilder MapRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        // Secretariat and admin never see case content: the whole area is for case workers (403 for
        // them, whatever the id, so nothing leaks); a State's users see their State's requests only (404).
        var group = routes.MapRoleGroup("/api/requests", Policies.CaseWork, "Requests")
            .DescribeParameter("id", "The request's id (a UUID): from the body or the `Location` of the answer that created it, or from a list.");

        group.MapCreation<CreateDraftCommand>("/", "CreateDraft").WithSummary("Create a draft request of your State (central authority)")
            .WithDescription("""
                A central authority starts a request of its State to another State: an MLA request, an extradition
                request or a provisional arrest request (`kind`). A draft may be incomplete; only transmission checks
                that nothing is missing, so a client may save as the user types. Codes are checked now (400 with the
                field's path): `legalBases` from `/api/reference/legal-bases`, offence categories, person roles and
                assistance types from `/api/reference/*`. The draft starts at version 1 (`ETag: "1"`) and is visible to
                your State only until it is transmitted. The examples are complete: each can be transmitted as it is.
                """)
            .WithRequestExamples(RequestExamples.CreateDraft);

        group.MapCreation<RegisterIncomingRequestCommand>("/incoming", "RegisterIncomingRequest").WithSummary("Register a request your State received outside Mla; it starts at Received (central authority)")
            .WithDescription("""
                For a request that reached your State by post, diplomatic bag or from a State that does not use Mla:
                your State is the requested one (leave `requestedState` out), `requestingState` the sender, `occurredOn`
                the date it was received. It is numbered in your State's incoming register (`SEN/IN/MLA/2026/0001`, one
                gap-free sequence per kind and year of receipt), never with the requesting State's numbers, and keeps
                the requesting State's own reference as written (`requestingStateReference`). It starts at Received, so
                the usual steps follow (execution, information, refusal...); what the requesting State does outside Mla
                (an answer to a request for information, a withdrawal) you record too. The requesting State, if it uses
                Mla, sees the request with `origin: registered` and `registeredBy`, and may only add notes to it. Mla
                holds no document for it.
                """)
            .WithRequestExamples(RequestExamples.RegisterIncoming);

        group.MapGet("/", async (
                [FromQuery] string[]? status,
                [FromQuery] string[]? kind,
                [FromQuery] string? direction,
                [FromQuery] string? requestingState,
                [FromQuery] string? requestedState,
                [FromQuery] string? category,
                [FromQuery] string? legalBasis,
                [FromQuery] string? urgency,
                [FromQuery] bool? confidential,
                [FromQuery] string? overdue,
                [FromQuery] string? createdFrom,
                [FromQuery] string? createdTo,
                [FromQuery] string? transmittedFrom,
                [FromQuery] string? transmittedTo,
                [FromQuery] string? q,
                [FromQuery] string? sort,
                [FromQuery] string? order,
                [FromQuery] int? page,
                [FromQuery] int? pageSize,
                [FromQuery] string? after,
                ISender sender,
                CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRequestsQuery
                {
                    Status = SplitCodes(status),
                    Kind = SplitCodes(kind),
                    Direction = direction,
                    RequestingState = requestingState,
                    RequestedState = requestedState,
                    Category = category,
                    LegalBasis = legalBasis,
                    Urgency = urgency,
                    Confidential = confidential,
                    Overdue = overdue,
                    CreatedFrom = createdFrom,
                    CreatedTo = createdTo,
                    TransmittedFrom = transmittedFrom,
                    TransmittedTo = transmittedTo,
                    Q = q,
                    Sort = sort,
                    Order = order,
                    Page = page ?? 1,
                    PageSize = pageSize ?? 20,
                    After = after,
                }, ct)))
            .WithName("ListRequests").WithSummary("Search your State's requests: filters, free text, overdue deadlines, sort and pages")
            .WithDescription("""
                The requests your State sent (drafts included) and those sent to it once transmitted, matching every
                filter given, one page at a time, with `total` for paging (the total counts only what you may see).
                Each summary has its `version`, its running `deadlines` (each `overdue` once your State's today is
                after its due date) and `daysPending`; read the request itself for its content and `allowedActions`.
                Rows that tie on the sort are ordered by id, so a page never repeats a row of another. To read on
                while requests arrive, give a full page's `next` as `after`: the requests after its last one, in
                the same order, unmoved by what was added since. `total` is exact (`totalIsExact`) up to 1,000
                matches for filters other than State, direction, status and kind; beyond, it says "more than".
                """)
            .DescribeParameter("status", "Only requests in these statuses: repeat the parameter or separate codes with commas (`status=received,in-execution`).")
            .DescribeParameter("kind", "Only requests of these kinds (`mla`, `extradition`, `provisional-arrest`), repeated or comma-separated.")
            .DescribeParameter("direction", "`outgoing`: requests your State sent; `incoming`: requests sent to your State.")
            .DescribeParameter("requestingState", "Only requests from this State (ISO 3166-1 alpha-3, upper case).")
            .DescribeParameter("requestedState", "Only requests to this State (ISO 3166-1 alpha-3, upper case).")
            .DescribeParameter("category", "Only requests with an offence of this category (`/api/reference/offence-categories`).")
            .DescribeParameter("legalBasis", "Only requests founded on this legal basis (`/api/reference/legal-bases`).")
            .DescribeParameter("urgency", "`normal` or `urgent`.")
            .DescribeParameter("confidential", "`true`: only confidential requests; `false`: only the others.")
            .DescribeParameter("overdue", "`any`: requests with a deadline past your today; or one deadline kind: `receipt`, `status-update`, `time-limit`, `provisional-arrest`.")
            .DescribeParameter("createdFrom", "Created on or after this day (yyyy-MM-dd, UTC).")
            .DescribeParameter("createdTo", "Created on or before this day (yyyy-MM-dd, UTC); not before `createdFrom`.")
            .DescribeParameter("transmittedFrom", "Transmitted on or after this day (yyyy-MM-dd).")
            .DescribeParameter("transmittedTo", "Transmitted on or before this day (yyyy-MM-dd); not before `transmittedFrom`.")
            .DescribeParameter("q", "Up to 6 words, each the start of a word of the reference number (yours or the requested side's), the subject or a person's name; case and accents do not matter (`traore` finds Traoré).")
            .DescribeParameter("sort", "`created` (default), `updated`, `transmitted`, `received`, `closed` or `reference`; requests without that date or reference come last.")
            .DescribeParameter("order", "`desc` (default, newest first) or `asc`.")
            .DescribeParameter("page", $"The page, from 1 to {ListRequestsValidator.MaxPage} (default 1).")
            .DescribeParameter("pageSize", "Requests per page, 1 to 100 (default 20).")
            .DescribeParameter("after", "The `next` of the previous page, unchanged, with the same filters, sort and order (instead of `page`).")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var request = await sender.Send(new GetRequestQuery(id), ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Ok(request);
            })
            .WithName("GetRequest").WithSummary("Everything about a request, with its version (ETag) and the actions you may take now")
            .WithDescription("""
                The request's content, status, reference number, dates and the outcome of each step. `ETag` and
                `version` give the version to send in `If-Match` to change it; `allowedActions` lists the lifecycle
                actions you may take now (it depends on your role and on which side your State is), so a client
                knows which buttons to show.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/timeline", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTimelineQuery(id), ct)))
            .WithName("GetRequestTimeline").WithSummary("Every event of a request, oldest first, and whether the record is what its hash chain sealed")
            .WithDescription("""
                The append-only history of the request: who did what, when it happened in the world (`occurredOn`) and
                when Mla recorded it, with the step's details (channel, references, grounds, outcomes...) and notes.
                Events are hash-chained, and each seals the request's whole record as the step left it (content,
                status, persons, the frozen document, annexes). `chain.state` is `verified`, `truncated` (events the
                request's head or the newest signed checkpoint saw are gone) or `broken`; `chain.brokenAt` is the first
                event that cannot be trusted, and every event's `verified` is false from it on: someone changed the
                database by hand.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", async (
                Guid id,
                UpdateDraftCommand command,
                [FromHeader(Name = EntityTag.IfMatchHeader)] string? ifMatch,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                var request = await sender.Send(command with { RequestId = id, ExpectedVersion = EntityTag.ParseIfMatch(ifMatch) }, ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Ok(request);
            })
            .WithName("UpdateDraft").WithSummary("Replace the content of a draft")
            .WithDescription("""
                Replaces the whole content of a draft (PUT: what is not sent is cleared), with the same fields as at
                creation. Only your State's central authority may, and only while the request is a draft.
                """)
            .WithRequestExamples(RequestExamples.UpdateDraft)
            .WithWriteProblems();

        group.MapDelete("/{id:guid}", async (
                Guid id,
                [FromHeader(Name = EntityTag.IfMatchHeader)] string? ifMatch,
                ISender sender,
                CancellationToken ct) =>
            {
                await sender.Send(new DiscardDraftCommand(id, EntityTag.ParseIfMatch(ifMatch)), ct);
                return TypedResults.NoContent();
            })
            .WithName("DiscardDraft").WithSummary("Discard a draft; nothing else can be deleted")
            .WithDescription("""
                Empties the draft of everything written in it (persons first of all) and answers 204; the request
                answers 404 from then on, and only its timeline remains. A transmitted request cannot be deleted:
                withdraw it instead.
                """)
            .WithWriteProblems();

        // Every step: If-Match required, Idempotency-Key honoured, `occurredOn` not in the future nor before the previous event.
        group.MapTransition<TransmitRequestCommand>("transmit", "TransmitRequest",
                "Transmit a complete draft, by a channel and in a language the requested State accepts (422 lists what is missing)")
            .WithDescription("""
                Draft to Transmitted, by your State's central authority. The request must be complete for its kind: if
                anything is missing the answer is 422 with `missing`, every element it lacks with its JSON path, and
                nothing changes. `language` must be one the requested State accepts (`/api/reference/states`) unless a
                translation is attached. The request gets its reference number (`MLI/MLA/2026/0001`) and its document
                is frozen: the PDF generated now, listing the annexes uploaded so far, is the one `GET .../document`
                answers from then on. Upload annexes before transmitting.
                """)
            .WithRequestExamples(RequestExamples.Transmit)
            .WithProblemSchema(StatusCodes.Status422UnprocessableEntity, ProblemSchemas.IncompleteRequest);
        group.MapTransition<AcknowledgeReceiptCommand>("receipt", "AcknowledgeReceipt", "Acknowledge receipt of a transmitted request, with your reference")
            .WithDescription("""
                Transmitted to Received, by the requested State's central authority or focal point, with the
                requested State's own reference for the request (`requestedSideReference`).
                """)
            .WithRequestExamples(RequestExamples.AcknowledgeReceipt);
        group.MapTransition<StartExecutionCommand>("execution", "StartExecution", "Assign the request to an executing authority (also resumes a postponed one)")
            .WithDescription("""
                Received or Postponed to In execution, by the requested State's central authority or focal point,
                naming the court, prosecutor or police unit that executes the request (`executingAuthority`).
                """)
            .WithRequestExamples(RequestExamples.StartExecution);
        group.MapTransition<AskForInformationCommand>("information-requests", "AskForInformation", "Ask the requesting State for more information, and by when")
            .WithDescription("""
                Received or In execution to Awaiting information, by the requested State's central authority or focal
                point: what is needed (`informationNeeded`) and, optionally, by when (`respondBy`, not before
                `occurredOn`). The requesting State answers with `information-responses`.
                """)
            .WithRequestExamples(RequestExamples.AskForInformation);
        group.MapTransition<ProvideInformationCommand>("information-responses", "ProvideInformation", "Answer a request for more information")
            .WithDescription("""
                Awaiting information to In execution, by the requesting State's central authority: the information
                asked for, or where it is (e.g. in an annex uploaded first). On a request your State registered on
                receipt, the requested central authority records the information that reached it outside Mla.
                """)
            .WithRequestExamples(RequestExamples.ProvideInformation);
        group.MapTransition<PostponeExecutionCommand>("postponement", "PostponeExecution", "Postpone execution, with the reason and until when")
            .WithDescription("""
                Received or In execution to Postponed, by the requested State's central authority alone (e.g. when
                execution would interfere with an ongoing investigation), with the reason and, when known, until when.
                `execution` resumes it.
                """)
            .WithRequestExamples(RequestExamples.PostponeExecution);
        group.MapTransition<RecordExecutionCommand>("execution-result", "RecordExecution", "Record the outcome of each assistance item of an MLA request")
            .WithDescription("""
                In execution to Executed (every item executed) or Partially executed, by the requested State's central
                authority or focal point: exactly one outcome per assistance item, in the order of the request's
                `assistance` (400 otherwise). When nothing was executed the answer is 422: refuse the request instead.
                MLA requests only; an extradition ends with a surrender.
                """)
            .WithRequestExamples(RequestExamples.RecordExecution)
            .WithProblemSchema(StatusCodes.Status422UnprocessableEntity, ProblemSchemas.AllowedActions);
        group.MapTransition<RefuseRequestCommand>("refusal", "RefuseRequest", "Refuse the request, with coded grounds and the reasons")
            .WithDescription("""
                Received, In execution, Awaiting information or Postponed to Refused (final), by the requested State's
                central authority alone: at least one refusal ground for the request's kind (`/api/reference/refusal-grounds`)
                and the reasons, which the requested State must give.
                """)
            .WithRequestExamples(RequestExamples.RefuseRequest);
        group.MapTransition<WithdrawRequestCommand>("withdrawal", "WithdrawRequest", "Withdraw a request no longer needed, with the reason")
            .WithDescription("""
                Any status after transmission and before a final one to Withdrawn (final), by the requesting State's
                central authority, with the reason. A draft is discarded instead. On a request the requested State
                registered on receipt, the requesting State did not send it through Mla and cannot withdraw it there
                (403): its withdrawal reaches the requested State outside Mla, whose central authority records it here.
                """)
            .WithRequestExamples(RequestExamples.WithdrawRequest);
        group.MapTransition<RecordProvisionalArrestCommand>("provisional-arrest", "RecordProvisionalArrest", "Record the provisional arrest of the person sought")
            .WithDescription("""
                Extradition and provisional arrest requests, Received or In execution, by the requested State's central
                authority or focal point: records the date of the arrest (`provisionalArrestOn`); the status does not change.
                """)
            .WithRequestExamples(RequestExamples.RecordProvisionalArrest);
        group.MapTransition<RecordExtraditionDecisionCommand>("extradition-decision", "RecordExtraditionDecision", "Record the extradition decision: granted, partly granted or refused")
            .WithDescription("""
                Extradition and provisional arrest requests, Received, In execution or Postponed, by the requested State's
                central authority: `granted` or `partly-granted` goes to In execution (the surrender follows), `refused`
                to Refused, with refusal grounds for extradition and the reasons (grounds go with a refusal only).
                """)
            .WithRequestExamples(RequestExamples.RecordExtraditionDecision);
        group.MapTransition<RecordSurrenderCommand>("surrender", "RecordSurrender", "Record the surrender of the person sought")
            .WithDescription("""
                In execution to Executed (final), by the requested State's central authority or focal point, once the
                extradition was granted or partly granted (409 before).
                """)
            .WithRequestExamples(RequestExamples.RecordSurrender);
        group.MapTransition<AddNoteCommand>("notes", "AddNote", "Add a follow-up note to the timeline")
            .WithDescription("""
                A note on the timeline (`note`, required), by a central authority, focal point or prosecutor of either
                State, in any status after transmission, final ones included. The status does not change; the version does.
                """)
            .WithRequestExamples(RequestExamples.AddNote);

        return routes;
    }

    // A request created from its content: 201 with its place and its ETag. The key comes in a header, so
    // it joins the body's command here; the copy keeps the command's own type.
    private static RouteHandlerBuilder MapCreation<TCommand>(this RouteGroupBuilder group, string path, string name)
        where TCommand : NewRequestCommand, ICommand<RequestDto>
    {
        return group.MapPost(path, async (
                TCommand command,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                var keyed = (TCommand)((NewRequestCommand)command with { IdempotencyKey = idempotencyKey });
                var request = await sender.Send(keyed, ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Created($"/api/requests/{request.Id}", request);
            })
            .WithName(name)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static RouteHandlerBuilder MapTransition<TCommand>(this RouteGroupBuilder group, string path, string name, string summary)
        where TCommand : TransitionCommand, ICommand<RequestDto>
    {
        return group.MapPost($"/{{id:guid}}/{path}", async (
                Guid id,
                TCommand command,
                [FromHeader(Name = EntityTag.IfMatchHeader)] string? ifMatch,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                var request = await sender.Send(command.For<TCommand>(id, EntityTag.ParseIfMatch(ifMatch), idempotencyKey), ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Ok(request);
            })
            .WithName(name).WithSummary(summary)
            .WithWriteProblems();
    }

    // Codes of a multi-valued filter, given as repeated parameters, comma-separated, or both.
    private static string[] SplitCodes(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static RouteHandlerBuilder WithWriteProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .WithProblemSchema(StatusCodes.Status409Conflict, ProblemSchemas.AllowedActions);
}
