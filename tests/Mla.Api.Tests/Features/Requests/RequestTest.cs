using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>Helpers shared by the request tests: sample bodies, and the HTTP calls every test makes.</summary>
public abstract class RequestTest(DatabaseEngine engine) : ApiTest(engine)
{
    /// <summary>The API's JSON conventions: camelCase, codes as kebab-case strings.</summary>
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Today for the test users of Mali and Senegal, both on UTC.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);

    protected string TodayText => Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A complete MLA request, in French, with two assistance items.</summary>
    protected static Dictionary<string, object?> MlaDraft(string requestedState = "SEN") => new()
    {
        ["kind"] = "mla",
        ["requestedState"] = requestedState,
        ["legalBases"] = new[] { "ecowas-mla-1992", "untoc-2000" },
        ["subject"] = "Investigation into the financing of an armed group",
        ["investigatingAuthority"] = new { name = "Pôle judiciaire spécialisé de Bamako", function = "Investigating judge" },
        ["facts"] = "Transfers were made from accounts opened in the requested State to members of the group.",
        ["offences"] = new[]
        {
            new { category = "terrorism-financing", description = "Financing of terrorism", legalProvision = "Art. 3, law 2008-025", maxPenalty = "20 years" },
        },
        ["persons"] = new[]
        {
            new { role = "suspect", fullName = "Test Person One", nationality = "MLI", dateOfBirth = "1980-01-02", location = "Dakar", identityDocument = "P1234567" },
        },
        ["assistance"] = new[]
        {
            new { type = "records", description = "Bank statements of the accounts", procedure = (string?)null },
            new { type = "taking-evidence", description = "Hearing of the account manager", procedure = (string?)"Testimony under oath" },
        },
        ["purpose"] = "Establish the flow of funds to the group",
        ["urgency"] = "normal",
        ["language"] = "fr",
        ["confidential"] = true,
    };

    /// <summary>A complete extradition request for prosecution, in French.</summary>
    protected static Dictionary<string, object?> ExtraditionDraft(string requestedState = "NER") => new()
    {
        ["kind"] = "extradition",
        ["requestedState"] = requestedState,
        ["legalBases"] = new[] { "ecowas-extradition-1994" },
        ["subject"] = "Extradition for prosecution",
        ["facts"] = "On 3 March in Bamako, the person took part in an armed robbery.",
        ["offences"] = new[]
        {
            new { category = "banditry-armed-robbery", description = "Armed robbery", legalProvision = "Art. 252, penal code", maxPenalty = "Life imprisonment" },
        },
        ["persons"] = new[]
        {
            new { role = "person-sought", fullName = "Test Person Two", nationality = "MLI", dateOfBirth = "1990-05-06", location = "Niamey", identityDocument = (string?)null },
        },
        ["warrant"] = new { issuingAuthority = "Investigating judge, Bamako", date = "2025-01-15", reference = "MA-2025-001" },
        ["extraditionPurpose"] = "prosecution",
        ["language"] = "fr",
        ["legalProvisionsText"] = "Art. 252, penal code: armed robbery is punished by life imprisonment.",
    };

    protected static string ETagOf(HttpResponseMessage response) => response.Headers.ETag?.Tag ?? "";

    protected static async Task<RequestDto> ReadRequestAsync(HttpResponseMessage response)
    {
        var request = await response.Content.ReadFromJsonAsync<RequestDto>(Json);
        return request ?? throw new InvalidOperationException("Empty body.");
    }

    /// <summary>POSTs a draft and asserts 201.</summary>
    protected static async Task<RequestDto> CreateDraftAsync(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/requests", body ?? MlaDraft(), Json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await ReadRequestAsync(response);
    }

    /// <summary>POSTs a lifecycle step with If-Match set to <paramref name="version"/> (none when null).</summary>
    protected static Task<HttpResponseMessage> PostStepAsync(HttpClient client, Guid id, string step, object body, int? version, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{id}/{step}") { Content = JsonContent.Create(body, options: Json) };
        if (version is { } v)
        {
            message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(message);
    }

    /// <summary>Makes a lifecycle step on the request's current version and asserts 200.</summary>
    protected static async Task<RequestDto> StepAsync(HttpClient client, RequestDto request, string step, object body)
    {
        var response = await PostStepAsync(client, request.Id, step, body, request.Version);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{step}: {await response.Content.ReadAsStringAsync()}");
        return await ReadRequestAsync(response);
    }

    protected static Task<HttpResponseMessage> PutDraftAsync(HttpClient client, Guid id, object body, int? version)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, $"/api/requests/{id}") { Content = JsonContent.Create(body, options: Json) };
        if (version is { } v)
        {
            message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return client.SendAsync(message);
    }

    protected static async Task<RequestDto> GetRequestAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await ReadRequestAsync(response);
    }

    protected static async Task<List<TimelineEventDto>> GetTimelineAsync(HttpClient client, Guid id) =>
        [.. (await GetTimelineWithChainAsync(client, id)).Events];

    /// <summary>The timeline with where its chain stands.</summary>
    protected static async Task<TimelineDto> GetTimelineWithChainAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}/timeline");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TimelineDto>(Json))!;
    }

    /// <summary>A transmitted MLA request from Mali to Senegal, and the client of Mali's central authority.</summary>
    protected async Task<(HttpClient Mali, RequestDto Request)> TransmittedMlaAsync()
    {
        var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        return (mali, transmitted);
    }

    /// <summary>A received MLA request from Mali to Senegal, and the client of Senegal's central authority.</summary>
    protected async Task<(HttpClient Senegal, RequestDto Request)> ReceivedMlaAsync()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        var senegal = await CreateClientAsAsync("sen.ca");
        var received = await StepAsync(senegal, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2025/117" });
        return (senegal, received);
    }

    /// <summary>Runs SQL a user cannot run, with the timeline's append-only triggers lifted around it.</summary>
    protected async Task<int> ExecuteAsDatabaseAdministratorAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenConnectionAsync();
        var restoreTriggers = await AppendOnlyTriggers.LiftAsync(connection, Engine);
        try
        {
            return await connection.ExecuteAsync(sql, parameters);
        }
        finally
        {
            await restoreTriggers();
        }
    }
}
