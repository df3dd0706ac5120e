using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mla.Web.Tests.Infrastructure;

/// <summary>
/// Another user acting through the API with a bearer token while the browser watches (a request transmitted
/// by Mali's central authority, then seen on Senegal's pages).
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(HttpClient http) => _http = http;

    public static async Task<ApiClient> SignInAsync(WebApp app, string username, string password = BrowserTest.Password)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        var answer = await http.PostAsJsonAsync("/api/auth/token", new { username, password });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http);
    }

    /// <summary>Drafts a complete MLA request from Mali to <paramref name="requestedState"/> and transmits it; returns its id and reference.</summary>
    public async Task<(Guid Id, string Reference)> TransmitMlaAsync(string requestedState)
    {
        var created = await ReadAsync(await _http.PostAsJsonAsync("/api/requests", new
        {
            kind = "mla",
            requestedState,
            legalBases = new[] { "ecowas-mla-1992" },
            subject = "Blanchiment du produit d'un trafic",
            investigatingAuthority = new { name = "Pôle économique et financier de Bamako", function = "Juge d'instruction" },
            facts = "Des fonds issus d'un trafic ont transité par des comptes ouverts à l'étranger.",
            offences = new[] { new { category = "money-laundering", description = "Blanchiment de capitaux", legalProvision = "Loi uniforme, art. 7", maxPenalty = "10 ans d'emprisonnement" } },
            assistance = new[] { new { type = "records", description = "Relevés des comptes depuis 2024" } },
            purpose = "Établir l'origine des fonds.",
            urgency = "normal",
            language = "fr",
        }));
        var id = created.GetProperty("id").GetGuid();
        using var transmit = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{id}/transmit")
        {
            Content = JsonContent.Create(new { occurredOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), channel = "central-authority", language = "fr" }),
        };
        transmit.Headers.TryAddWithoutValidation("If-Match", $"\"{created.GetProperty("version").GetInt32()}\"");
        var transmitted = await ReadAsync(await _http.SendAsync(transmit));
        return (id, transmitted.GetProperty("referenceNumber").GetString()!);
    }

    public async Task<JsonElement> GetAsync(string path) => await ReadAsync(await _http.GetAsync(path));

    public async Task<JsonElement> PostAsync(string path, object body) => await ReadAsync(await _http.PostAsJsonAsync(path, body));

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage answer)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.IsSuccessStatusCode, Is.True, $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri}: {(int)answer.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
