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
        new("search: requested State and status", (state, _) => $"/api/requests?requestedState={state}&status=in-execution&status=received"),
        new("search: requesting State, status, kind", (state, _) => $"/api/requests?requestingState={state}&status=executed&kind=mla"),
        new("search: free text, a surname (traore)", (_, _) => "/api/requests?q=traore"),
        new("search: free text, given name and surname (aissata diallo)", (_, _) => "/api/requests?q=aissata%20diallo"),
        new("search: overdue (any deadline)", (_, _) => "/api/requests?overdue=any"),
        new("search: incoming, overdue status update, sorted by reference", (_, _) => "/api/requests?direction=incoming&overdue=status-update&sort=reference&order=asc"),
        new("list: page 5 of transmitted", (_, _) => "/api/requests?status=transmitted&page=5"),
        new("read by id", (_, id) => $"/api/requests/{id}"),
        new("related requests", (_, id) => $"/api/requests/{id}/related"),
        new("dashboard", (_, _) => "/api/dashboard"),
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
