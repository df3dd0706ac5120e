using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Features.Admin;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Infrastructure.OpenApi;

/// <summary>
/// The examples of the OpenAPI document are true: sent as they are, through the whole life of a request
/// of each kind, each is accepted at its step; and the problems a client acts on look as documented.
/// </summary>
public sealed class OpenApiExampleTests(DatabaseEngine engine) : RequestTest(engine)
{
    private ServedOpenApiDocument _document = null!;

    [SetUp]
    public async Task FetchDocument()
    {
        using var client = CreateClient();
        _document = await ServedOpenApiDocument.FetchAsync(client);
    }

    [Test]
    public async Task CreateDraftExamples_PostedThenTransmitted_EachSucceeds()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var examples = _document.Operation("CreateDraft").Examples;
        Assert.That(examples.Values.Select(example => example.GetProperty("kind").GetString()), Is.EquivalentTo(new[] { "mla", "extradition", "provisional-arrest" }));

        foreach (var (name, body) in examples)
        {
            var transmitted = await TransmittedAsync(mali, body);
            Assert.That(transmitted.Status, Is.EqualTo(RequestStatus.Transmitted), name);
        }
    }

    [Test]
    public async Task StepExamples_MlaRequest_EachAcceptedThroughToExecution()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var request = await TransmittedAsync(mali, DraftExample("mla"));

        request = await StepAsync(senegal, request, "receipt", Example("AcknowledgeReceipt"));
        request = await StepAsync(senegal, request, "information-requests", Example("AskForInformation"));
        request = await StepAsync(mali, request, "information-responses", Example("ProvideInformation"));
        request = await StepAsync(senegal, request, "postponement", Example("PostponeExecution"));
        request = await StepAsync(senegal, request, "execution", Example("StartExecution"));
        request = await StepAsync(senegal, request, "notes", Example("AddNote"));
        request = await StepAsync(senegal, request, "execution-result", Example("RecordExecution"));

        Assert.That(request.Status, Is.EqualTo(RequestStatus.PartiallyExecuted));
    }

    [Test]
    public async Task StepExamples_ExtraditionAndProvisionalArrest_EachAcceptedThroughToTheirEnd()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");

        var extradition = await TransmittedAsync(mali, DraftExample("extradition"));
        extradition = await StepAsync(niger, extradition, "receipt", Example("AcknowledgeReceipt"));
        extradition = await StepAsync(niger, extradition, "provisional-arrest", Example("RecordProvisionalArrest"));
        extradition = await StepAsync(niger, extradition, "extradition-decision", Example("RecordExtraditionDecision", "granted"));
        extradition = await StepAsync(niger, extradition, "surrender", Example("RecordSurrender"));

        var arrest = await TransmittedAsync(mali, DraftExample("provisional-arrest"));
        arrest = await StepAsync(senegal, arrest, "receipt", Example("AcknowledgeReceipt"));
        arrest = await StepAsync(senegal, arrest, "extradition-decision", Example("RecordExtraditionDecision", "refused"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(extradition.Status, Is.EqualTo(RequestStatus.Executed));
            Assert.That(arrest.Status, Is.EqualTo(RequestStatus.Refused));
        }
    }

    [Test]
    public async Task UpdateWithdrawRefuseAndRegisterExamples_EachAccepted()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");

        var draft = await CreateDraftAsync(mali, DraftExample("mla"));
        var updated = await PutDraftAsync(mali, draft.Id, Example("UpdateDraft"), draft.Version);
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
        var withdrawn = await StepAsync(mali, await StepAsync(mali, await ReadRequestAsync(updated), "transmit", Example("TransmitRequest")), "withdrawal", Example("WithdrawRequest"));

        var refused = await TransmittedAsync(mali, DraftExample("mla"));
        refused = await StepAsync(senegal, refused, "receipt", Example("AcknowledgeReceipt"));
        refused = await StepAsync(senegal, refused, "refusal", Example("RefuseRequest"));

        var registered = await senegal.PostAsJsonAsync("/api/requests/incoming", Example("RegisterIncomingRequest"));
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withdrawn.Status, Is.EqualTo(RequestStatus.Withdrawn));
            Assert.That(refused.Status, Is.EqualTo(RequestStatus.Refused));
            Assert.That((await ReadRequestAsync(registered)).Status, Is.EqualTo(RequestStatus.Received));
        }
    }

    [Test]
    public async Task SignInExample_WithTheAccountItNames_AnswersAToken()
    {
        // The example names a demo account, with the demo password: create it as the demo seed would.
        var example = Example("IssueToken");
        var username = example.GetProperty("username").GetString()!;
        var (role, state, network) = TestUsers.Describe(username);
        await SendAsync(new CreateUserCommand
        {
            Username = username,
            DisplayName = username,
            Password = example.GetProperty("password").GetString()!,
            Role = role,
            State = state,
            Network = network,
        });
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", example);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Problems_IncompleteTransmissionAndConflict_HaveTheDocumentedMembers()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, new { kind = "mla", requestedState = "SEN" });

        var incomplete = await PostStepAsync(mali, draft.Id, "transmit", Example("TransmitRequest"), draft.Version);
        var transmitted = await TransmittedAsync(mali, DraftExample("mla"));
        var conflict = await PostStepAsync(mali, transmitted.Id, "transmit", Example("TransmitRequest"), transmitted.Version);

        var missing = (await ProblemAsync(incomplete, HttpStatusCode.UnprocessableEntity)).GetProperty("missing");
        var documented = _document.Resolve(_document.Property(
            _document.Operation("TransmitRequest").ResponseSchema("422", "application/problem+json"), "missing")!.Value.GetProperty("items"));
        var allowed = (await ProblemAsync(conflict, HttpStatusCode.Conflict)).GetProperty("allowedActions");
        var actionCodes = _document.StringEnum(_document.Property(
            _document.Operation("TransmitRequest").ResponseSchema("409", "application/problem+json"), "allowedActions")!.Value.GetProperty("items"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.GetArrayLength(), Is.GreaterThan(0));
            Assert.That(missing.EnumerateArray().Select(Members), Has.All.EquivalentTo(documented.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
            Assert.That(allowed.EnumerateArray().Select(action => action.GetString()), Is.Not.Empty.And.SubsetOf(actionCodes!));
        }
    }

    private JsonElement Example(string operationId, string? name = null)
    {
        var examples = _document.Operation(operationId).Examples;
        Assert.That(examples, Is.Not.Empty, $"{operationId} has no example");
        return name is null ? examples.Values.First() : examples[name];
    }

    private JsonElement DraftExample(string kind) =>
        _document.Operation("CreateDraft").Examples.Values.Single(example => example.GetProperty("kind").GetString() == kind);

    /// <summary>POSTs a draft example as it is, then transmits it with the transmit example.</summary>
    private async Task<RequestDto> TransmittedAsync(HttpClient client, JsonElement draftExample)
    {
        var draft = await CreateDraftAsync(client, draftExample);
        return await StepAsync(client, draft, "transmit", Example("TransmitRequest"));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType, Is.EqualTo(new MediaTypeHeaderValue("application/problem+json")));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<string> Members(JsonElement element) => element.EnumerateObject().Select(member => member.Name);
}
