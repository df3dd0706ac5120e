using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mla.Benchmarks.Load;

/// <summary>A draft created for the run: its id and the version to send in If-Match.</summary>
public sealed record Draft(Guid Id, int Version);

/// <summary>One HTTP call as the harness saw it; <see cref="Error"/> holds the body of an unexpected answer.</summary>
public sealed record CallOutcome(HttpStatusCode Status, double Milliseconds, string? ReferenceNumber, string? Error);

/// <summary>
/// The calls a client of a central authority makes, over HTTP with a bearer token. Only <c>id</c>,
/// <c>version</c> and <c>referenceNumber</c> are read from responses: they sit at the top level both before
/// and after the request's content was nested under <c>content</c>.
/// </summary>
public sealed class LoadClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<LoadClient> SignInAsync(LoadHost host, string username)
    {
        var http = host.CreateClient();
        http.Timeout = TimeSpan.FromMinutes(5);
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password = LoadHost.Password }, Json);
        await EnsureAsync(response, HttpStatusCode.OK, $"sign-in of {username}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return new LoadClient(http);
    }

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>A complete MLA request in French with two assistance items (the functional tests' MlaDraft).</summary>
    public static Dictionary<string, object?> MlaDraft(string requestedState) => new()
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

    public async Task<Draft> CreateDraftAsync(string requestedState)
    {
        using var response = await http.PostAsJsonAsync("/api/requests", MlaDraft(requestedState), Json);
        await EnsureAsync(response, HttpStatusCode.Created, "draft creation");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Draft(body.RootElement.GetProperty("id").GetGuid(), body.RootElement.GetProperty("version").GetInt32());
    }

    /// <summary>POST transmit with If-Match on the draft's version, timed from send to the last byte of the answer.</summary>
    public async Task<CallOutcome> TransmitAsync(Draft draft, DateOnly occurredOn)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{draft.Id}/transmit")
        {
            Content = JsonContent.Create(new
            {
                occurredOn = occurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                channel = "central-authority",
                language = "fr",
            }, options: Json),
        };
        message.Headers.IfMatch.Add(new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{draft.Version}\"")));
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new CallOutcome(response.StatusCode, elapsed, null, text);
        }

        using var body = JsonDocument.Parse(text);
        return new CallOutcome(response.StatusCode, elapsed, body.RootElement.GetProperty("referenceNumber").GetString(), null);
    }

    /// <summary>GET a request by id, timed from send to the last byte of the answer.</summary>
    public async Task<CallOutcome> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri($"/api/requests/{id}", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new CallOutcome(response.StatusCode, elapsed, null, response.StatusCode == HttpStatusCode.OK ? null : text);
    }

    /// <summary>GET any path of the API: its status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetTextAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();
}
