using Mediator;
using Microsoft.AspNetCore.Mvc;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Http;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Routes of the request lifecycle. Writes take <c>If-Match</c> (the request's ETag, its version) and
/// POSTs an optional <c>Idempotency-Key</c>; every answer carrying a request carries its ETag.
/// </summary>
public static class RequestsEndpoints
{
    public static IServiceCollection AddMlaRequests(this IServiceCollection services)
    {
        services.AddScoped<RequestStore>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<RequestTimeline>();
        services.AddScoped<RequestReader>();
        services.AddScoped<RequestSteps>();
        services.AddScoped<RequestContentValidator>();
        services.AddScoped<ReferenceCodes>();
        services.AddScoped<ReferenceNumbers>();
        services.AddScoped<TimelineVerifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapRequestEndpoints(this IEndpointRouteBuilder routes)
    {
        // Secretariat and admin never see case content: the whole area is for case workers (403 for
        // them, whatever the id, so nothing leaks); a State's users see their State's requests only (404).
        var group = routes.MapGroup("/api/requests").RequireAuthorization(Policies.CaseWork).WithTags("Requests")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", async (
                CreateDraftCommand command,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                var request = await sender.Send(command with { IdempotencyKey = idempotencyKey }, ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Created($"/api/requests/{request.Id}", request);
            })
            .WithName("CreateDraft").WithSummary("Create a draft request of your State (central authority)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/incoming", async (
                RegisterIncomingRequestCommand command,
                [FromHeader(Name = IdempotencyRecords.HeaderName)] string? idempotencyKey,
                ISender sender,
                HttpResponse response,
                CancellationToken ct) =>
            {
                var request = await sender.Send(command with { IdempotencyKey = idempotencyKey }, ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Created($"/api/requests/{request.Id}", request);
            })
            .WithName("RegisterIncomingRequest").WithSummary("Register a request your State received outside Mla; it starts at Received (central authority)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", async (
                [FromQuery] string? status,
                [FromQuery] string? kind,
                [FromQuery] string? direction,
                [FromQuery] int? page,
                [FromQuery] int? pageSize,
                ISender sender,
                CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRequestsQuery(status, kind, direction, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListRequests").WithSummary("Your State's requests, newest first, filterable by status, kind and direction (outgoing, incoming)")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var request = await sender.Send(new GetRequestQuery(id), ct);
                response.Headers.ETag = EntityTag.For(request.Version);
                return TypedResults.Ok(request);
            })
            .WithName("GetRequest").WithSummary("Everything about a request, with its version (ETag) and the actions you may take now")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/timeline", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetTimelineQuery(id), ct)))
            .WithName("GetRequestTimeline").WithSummary("Every event of a request, oldest first, each with whether its hash chain verifies")
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
            .WithWriteProblems();

        group.MapTransition<TransmitRequestCommand>("transmit", "TransmitRequest",
            "Transmit a complete draft, by a channel and in a language the requested State accepts (422 lists what is missing)");
        group.MapTransition<AcknowledgeReceiptCommand>("receipt", "AcknowledgeReceipt", "Acknowledge receipt of a transmitted request, with your reference");
        group.MapTransition<StartExecutionCommand>("execution", "StartExecution", "Assign the request to an executing authority (also resumes a postponed one)");
        group.MapTransition<AskForInformationCommand>("information-requests", "AskForInformation", "Ask the requesting State for more information, and by when");
        group.MapTransition<ProvideInformationCommand>("information-responses", "ProvideInformation", "Answer a request for more information");
        group.MapTransition<PostponeExecutionCommand>("postponement", "PostponeExecution", "Postpone execution, with the reason and until when");
        group.MapTransition<RecordExecutionCommand>("execution-result", "RecordExecution", "Record the outcome of each assistance item of an MLA request");
        group.MapTransition<RefuseRequestCommand>("refusal", "RefuseRequest", "Refuse the request, with coded grounds and the reasons");
        group.MapTransition<WithdrawRequestCommand>("withdrawal", "WithdrawRequest", "Withdraw a request no longer needed, with the reason");
        group.MapTransition<RecordProvisionalArrestCommand>("provisional-arrest", "RecordProvisionalArrest", "Record the provisional arrest of the person sought");
        group.MapTransition<RecordExtraditionDecisionCommand>("extradition-decision", "RecordExtraditionDecision", "Record the extradition decision: granted, partly granted or refused");
        group.MapTransition<RecordSurrenderCommand>("surrender", "RecordSurrender", "Record the surrender of the person sought");
        group.MapTransition<AddNoteCommand>("notes", "AddNote", "Add a follow-up note to the timeline");

        return routes;
    }

    private static void MapTransition<TCommand>(this RouteGroupBuilder group, string path, string name, string summary)
        where TCommand : TransitionCommand, ICommand<RequestDto>
    {
        group.MapPost($"/{{id:guid}}/{path}", async (
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

    private static RouteHandlerBuilder WithWriteProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
