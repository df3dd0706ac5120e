using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure.OpenApi;

/// <summary>
/// The served OpenAPI document is complete enough to generate a client from and use it without reading
/// the code. Each test lists every mismatch it finds in one assertion. Expectations are written here by
/// hand, from what the API does, never read back from the code that writes the document. Serving the
/// document touches no database, so these run once, on SQLite.
/// </summary>
[TestFixture]
public sealed partial class OpenApiDocumentTests
{
    private static readonly string[] Transitions =
    [
        "TransmitRequest", "AcknowledgeReceipt", "StartExecution", "AskForInformation", "ProvideInformation", "PostponeExecution",
        "RecordExecution", "RefuseRequest", "WithdrawRequest", "RecordProvisionalArrest", "RecordExtraditionDecision", "RecordSurrender", "AddNote",
    ];

    // Writes to a request claim its version: If-Match is required (428 without it, 412 when stale).
    // Adding an annex is one of them: a step of the request, with its event.
    private static readonly string[] VersionedWrites = ["UpdateDraft", "DiscardDraft", "UploadAttachment", .. Transitions];

    // Commands that implement the idempotency behaviour.
    private static readonly string[] IdempotentPosts = ["CreateDraft", "RegisterIncomingRequest", "UploadAttachment", .. Transitions];

    private static readonly string[] AnswersCarryingARequest = ["CreateDraft", "RegisterIncomingRequest", "GetRequest", "UpdateDraft", .. Transitions];

    private static readonly string[] AnonymousOperations = ["IssueToken"];

    private static readonly string[] Kinds = ["mla", "extradition", "provisional-arrest"];
    private static readonly string[] Urgencies = ["normal", "urgent"];
    private static readonly string[] Channels = ["central-authority", "diplomatic", "interpol", "focal-point", "direct-judicial", "electronic"];
    private static readonly string[] Roles = ["central-authority", "focal-point", "prosecutor", "secretariat", "admin"];
    private static readonly string[] Origins = ["drafted", "registered"];
    private static readonly string[] Statuses =
        ["draft", "transmitted", "received", "in-execution", "awaiting-information", "postponed", "executed", "partially-executed", "refused", "withdrawn"];

    private ServedOpenApiDocument _document = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task FetchDocument()
    {
        var environment = await EngineEnvironment.GetAsync(DatabaseEngine.Sqlite);
        _client = environment.Factory.CreateClient();
        _document = await ServedOpenApiDocument.FetchAsync(_client);
    }

    [OneTimeTearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public void Operations_Every_HasSummaryAndDescription()
    {
        var mismatches = _document.Operations
            .Where(operation => IsBlank(operation.Element, "summary") || IsBlank(operation.Element, "description"))
            .Select(operation => $"{operation.Id}: summary or description missing")
            .ToList();

        AssertNone(mismatches);
    }

    [Test]
    public void Parameters_EveryRouteQueryHeaderAndFormField_HasDescription()
    {
        var mismatches = _document.Operations
            .SelectMany(operation => operation.Parameters
                .Where(parameter => IsBlank(parameter, "description"))
                .Select(parameter => $"{operation.Id}: {parameter.GetProperty("in").GetString()} parameter {parameter.GetProperty("name").GetString()}"))
            .ToList();
        var upload = _document.Operation("UploadAttachment").RequestBodySchema("multipart/form-data");
        mismatches.AddRange(new[] { "file", "description", "isTranslation" }
            .Where(field => _document.Property(upload, field) is not { } schema || IsBlank(schema, "description"))
            .Select(field => $"UploadAttachment: form field {field}"));

        AssertNone(mismatches);
    }

    [Test]
    public void Security_BearerScheme_RequiredByEveryOperationButSigningIn()
    {
        var mismatches = new List<string>();
        var components = _document.Root.GetProperty("components");
        if (!components.TryGetProperty("securitySchemes", out var schemes) || !schemes.TryGetProperty("Bearer", out var bearer))
        {
            mismatches.Add("no Bearer security scheme");
        }
        else
        {
            Expect(bearer, "type", "http", mismatches);
            Expect(bearer, "scheme", "bearer", mismatches);
            Expect(bearer, "bearerFormat", "JWT", mismatches);
            if (IsBlank(bearer, "description") || !bearer.GetProperty("description").GetString()!.Contains("/api/auth/token", StringComparison.Ordinal))
            {
                mismatches.Add("the Bearer scheme does not say how to get a token (POST /api/auth/token)");
            }
        }

        foreach (var operation in _document.Operations)
        {
            var requiresBearer = operation.Element.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _));
            var anonymous = AnonymousOperations.Contains(operation.Id);
            if (requiresBearer == anonymous)
            {
                mismatches.Add(anonymous ? $"{operation.Id} is anonymous but requires a token" : $"{operation.Id} does not require the bearer token");
            }

            if (!anonymous && operation.Response("401") is null)
            {
                mismatches.Add($"{operation.Id}: 401 not documented");
            }
        }

        AssertNone(mismatches);
    }

    [Test]
    public async Task ApiReference_Scalar_OffersTheBearerScheme()
    {
        var page = await _client.GetAsync("/scalar/");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(PreferredBearer().IsMatch(await page.Content.ReadAsStringAsync()), Is.True, "the page should preselect the Bearer scheme");
    }

    [Test]
    public void IfMatch_RequiredAndDescribed_ExactlyWhere428CanBeAnswered()
    {
        var mismatches = new List<string>();
        foreach (var operation in _document.Operations)
        {
            var ifMatch = operation.Parameter("If-Match", "header");
            var required = ifMatch is { } header && header.TryGetProperty("required", out var flag) && flag.GetBoolean();
            var answers428 = operation.Statuses.Contains("428");
            if (required != answers428)
            {
                mismatches.Add($"{operation.Id}: If-Match required = {required}, 428 documented = {answers428}");
            }

            if (ifMatch is { } described && (IsBlank(described, "description") || !described.GetProperty("description").GetString()!.Contains("\"3\"", StringComparison.Ordinal)))
            {
                mismatches.Add($"{operation.Id}: If-Match does not describe its format (\"3\")");
            }

            if (answers428 && !operation.Statuses.Contains("412"))
            {
                mismatches.Add($"{operation.Id}: 412 not documented");
            }
        }

        mismatches.AddRange(VersionedWrites.Where(id => !_document.Operation(id).Statuses.Contains("428")).Select(id => $"{id}: 428 not documented"));
        AssertNone(mismatches);
    }

    [Test]
    public void IdempotencyKey_DocumentedOnThePostsThatHonourIt_AndNowhereElse()
    {
        var mismatches = new List<string>();
        foreach (var operation in _document.Operations)
        {
            var key = operation.Parameter("Idempotency-Key", "header");
            var expected = IdempotentPosts.Contains(operation.Id);
            if ((key is not null) != expected)
            {
                mismatches.Add($"{operation.Id}: Idempotency-Key documented = {key is not null}, honoured = {expected}");
            }
            else if (key is { } header && (IsBlank(header, "description") || header.TryGetProperty("required", out var required) && required.GetBoolean()))
            {
                mismatches.Add($"{operation.Id}: Idempotency-Key should be optional and described");
            }
        }

        AssertNone(mismatches);
    }

    [Test]
    public void ResponseHeaders_ETagOnEveryAnswerCarryingARequest_LocationOnEvery201()
    {
        var mismatches = new List<string>();
        // An annex's upload answers the request's new version too, so the next write can send it.
        foreach (var id in AnswersCarryingARequest.Concat(["GetRequestDocument", "GetAttachment", "UploadAttachment"]))
        {
            var operation = _document.Operation(id);
            var success = operation.Statuses.Single(status => status.StartsWith('2'));
            if (!HasHeader(operation, success, "ETag"))
            {
                mismatches.Add($"{id}: no ETag header on {success}");
            }
        }

        var created = _document.Operations.Where(operation => operation.Statuses.Contains("201")).ToList();
        mismatches.AddRange(created.Where(operation => !HasHeader(operation, "201", "Location")).Select(operation => $"{operation.Id}: no Location on 201"));
        mismatches.AddRange(new[] { "CreateDraft", "RegisterIncomingRequest", "UploadAttachment", "CreateUser", "AddLegalBasis" }
            .Except(created.Select(operation => operation.Id))
            .Select(id => $"{id}: 201 not documented"));

        AssertNone(mismatches);
    }

    [Test]
    public void Problems_TransmitLists422Missing_WritesList409AllowedActions_ExtensionsAllowed()
    {
        var mismatches = new List<string>();
        var transmit422 = _document.Operation("TransmitRequest").ResponseSchema("422", "application/problem+json");
        if (transmit422.TryGetProperty("$ref", out var named) && named.GetString() == "#/components/schemas/ProblemDetails")
        {
            mismatches.Add("TransmitRequest 422: the plain problem, not a named schema with missing");
        }

        var missing = _document.Property(transmit422, "missing");
        if (missing is not { } list || !list.TryGetProperty("items", out var item))
        {
            mismatches.Add("TransmitRequest 422: no missing array");
        }
        else
        {
            var fields = _document.Resolve(item).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            if (!fields.SequenceEqual(["path", "reason"]))
            {
                mismatches.Add($"TransmitRequest 422: missing items have {string.Join(", ", fields)}, not path and reason");
            }
        }

        foreach (var id in VersionedWrites)
        {
            var conflict = _document.Operation(id).ResponseSchema("409", "application/problem+json");
            if (_document.Property(conflict, "allowedActions") is not { } actions || _document.StringEnum(actions.GetProperty("items")) is null)
            {
                mismatches.Add($"{id} 409: no allowedActions list of action codes");
            }
        }

        // Problems carry traceId and extension members: a closed schema would reject them.
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            var problem = _document.Root.GetProperty("components").GetProperty("schemas").GetProperty(name);
            if (problem.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
            {
                mismatches.Add($"{name} forbids extension members");
            }
        }

        AssertNone(mismatches);
    }

    [Test]
    public void Codes_KindUrgencyChannelRoleStatus_AreStringEnumsOfTheirKebabCaseValues()
    {
        var draft = _document.Operation("CreateDraft").RequestBodySchema();
        var update = _document.Operation("UpdateDraft").RequestBodySchema();
        var incoming = _document.Operation("RegisterIncomingRequest").RequestBodySchema();
        var transmit = _document.Operation("TransmitRequest").RequestBodySchema();
        var request = _document.Operation("GetRequest").ResponseSchema("200");
        var createUser = _document.Operation("CreateUser").RequestBodySchema();
        var user = _document.Operation("ListUsers").ResponseSchema("200").GetProperty("items");
        var me = _document.Operation("GetMe").ResponseSchema("200");
        var list = _document.Operation("ListRequests");
        var content = _document.Property(request, "content")!.Value;

        var expectations = new (string Where, JsonElement? Schema, string[] Values)[]
        {
            ("CreateDraft body kind", _document.Property(draft, "kind"), Kinds),
            ("CreateDraft body urgency", _document.Property(draft, "urgency"), Urgencies),
            ("UpdateDraft body kind", _document.Property(update, "kind"), Kinds),
            ("RegisterIncomingRequest body kind", _document.Property(incoming, "kind"), Kinds),
            ("RegisterIncomingRequest body channel", _document.Property(incoming, "channel"), Channels),
            ("TransmitRequest body channel", _document.Property(transmit, "channel"), Channels),
            ("GetRequest content.kind", _document.Property(content, "kind"), Kinds),
            ("GetRequest content.urgency", _document.Property(content, "urgency"), Urgencies),
            ("GetRequest transmissionChannel", _document.Property(request, "transmissionChannel"), Channels),
            ("GetRequest status", _document.Property(request, "status"), Statuses),
            ("GetRequest origin", _document.Property(request, "origin"), Origins),
            ("CreateUser body role", _document.Property(createUser, "role"), Roles),
            ("ListUsers role", _document.Property(user, "role"), Roles),
            ("GetMe role", _document.Property(me, "role"), Roles),
            ("ListRequests query kind", list.Parameter("kind", "query")?.GetProperty("schema").GetProperty("items"), Kinds),
            ("ListRequests query status", list.Parameter("status", "query")?.GetProperty("schema").GetProperty("items"), Statuses),
            ("ListRequests query urgency", list.Parameter("urgency", "query")?.GetProperty("schema"), Urgencies),
            ("ListRequests query overdue", list.Parameter("overdue", "query")?.GetProperty("schema"), ["any", "receipt", "status-update", "time-limit", "provisional-arrest"]),
            ("ListRequests query sort", list.Parameter("sort", "query")?.GetProperty("schema"), ["created", "updated", "transmitted", "received", "closed", "reference"]),
        };

        var mismatches = new List<string>();
        foreach (var (where, schema, values) in expectations)
        {
            var found = schema is { } s ? _document.StringEnum(s) : null;
            if (found is null || !found.SequenceEqual(values))
            {
                mismatches.Add($"{where}: {(found is null ? "not a string enum" : string.Join(", ", found))}, expected {string.Join(", ", values)}");
            }
        }

        // A person concerned has a role from the reference data (suspect, witness...), not an account's role.
        var personRole = _document.Property(_document.Property(draft, "persons")!.Value.GetProperty("items"), "role");
        if (personRole is { } role && _document.StringEnum(role) is { } personRoles && personRoles.SequenceEqual(Roles))
        {
            mismatches.Add("CreateDraft persons[].role is described as an account role");
        }

        AssertNone(mismatches);
    }

    [Test]
    public void Numbers_AreIntegers_NotIntegerOrString()
    {
        var mismatches = _document.Root.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .SelectMany(schema => schema.Value.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Where(property => IsNumberOrString(property.Value)).Select(property => $"{schema.Name}.{property.Name}")
                : [])
            .ToList();

        AssertNone(mismatches);
    }

    [Test]
    public void Examples_EveryRequestBodyOfARequestRoute_HasOne_AndDraftsHaveOnePerKind()
    {
        var mismatches = _document.Operations
            .Where(operation => operation.Path.StartsWith("/api/requests", StringComparison.Ordinal) && operation.HasJsonBody && operation.Examples.Count == 0)
            .Select(operation => $"{operation.Id}: no example body")
            .ToList();
        var draftKinds = _document.Operation("CreateDraft").Examples.Values.Select(example => example.GetProperty("kind").GetString()).Order().ToList();
        if (!draftKinds.SequenceEqual(Kinds.Order()))
        {
            mismatches.Add($"CreateDraft examples are of kinds {string.Join(", ", draftKinds)}, expected one of each of {string.Join(", ", Kinds)}");
        }

        AssertNone(mismatches);
    }

    // Every mismatch in the message, not only the first few an NUnit collection display shows.
    private static void AssertNone(List<string> mismatches) =>
        Assert.That(mismatches, Is.Empty, $"{mismatches.Count} mismatches:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");

    private static bool IsBlank(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString());

    private static void Expect(JsonElement element, string property, string value, List<string> mismatches)
    {
        if (!element.TryGetProperty(property, out var found) || found.GetString() != value)
        {
            mismatches.Add($"Bearer scheme: {property} should be {value}");
        }
    }

    private static bool HasHeader(ServedOperation operation, string status, string header) =>
        operation.Response(status) is { } response
        && response.TryGetProperty("headers", out var headers)
        && headers.TryGetProperty(header, out var described)
        && !IsBlank(described, "description");

    private static bool IsNumberOrString(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
        && type.EnumerateArray().Select(t => t.GetString()).ToList() is var types
        && types.Contains("string") && (types.Contains("integer") || types.Contains("number"));

    [GeneratedRegex("\"preferredSecurityScheme\"\\s*:\\s*\\[\\s*\"Bearer\"\\s*\\]")]
    private static partial Regex PreferredBearer();
}
