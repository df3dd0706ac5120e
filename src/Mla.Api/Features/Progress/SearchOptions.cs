namespace Mla.Api.Features.Progress;

/// <summary>Settings of <c>GET /api/requests</c> (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// How far a search whose filters the tallies cannot answer is counted (default 1,000): beyond it the
    /// page says "more than" instead of an exact total. A search that broad is narrowed, not paged to its
    /// end, and counting it exactly would read every match on every page, which at a million requests is
    /// most of the time a page takes.
    /// </summary>
    public int TotalCap { get; set; } = 1000;
}
