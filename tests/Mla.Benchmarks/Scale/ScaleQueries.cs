using System.Globalization;
using System.Text.Json;

namespace Mla.Benchmarks.Scale;

/// <summary>A read a case worker makes: its name in the report, and its path for a user of a State (with a request that State sees).</summary>
public sealed record ScaleQuery(string Name, Func<string, Guid, string> Path);

/// <summary>The reads measured by <c>search-scale</c>: what a case worker's screens ask for most.</summary>
public static class ScaleQueries
{
    public static IReadOnlyList<ScaleQuery> All { get; } =
    [
        new("list: first page, no filter", (_, _) => "/api/requests"),
        new("list: incoming in execution (status, direction)", (_, _) => "/api/requests?status=in-execution&direction=incoming"),
        new("list: outgoing MLA executed (status, kind, direction)", (_, _) => "/api/requests?status=executed&kind=mla&direction=outgoing"),
        new("list: page 5 of transmitted", (_, _) => "/api/requests?status=transmitted&page=5"),
        new("read by id", (_, id) => $"/api/requests/{id}"),
        new("timeline by id", (_, id) => $"/api/requests/{id}/timeline"),
    ];

    /// <summary>What a list answered (its total), or the size of another answer.</summary>
    public static string Describe(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("total", out var total)
            ? $"total {total.GetInt64().ToString("N0", CultureInfo.InvariantCulture)}"
            : $"{body.Length.ToString(CultureInfo.InvariantCulture)} bytes";
    }
}
