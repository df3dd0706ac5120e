namespace Mla.Api.Infrastructure.Http;

/// <summary>
/// ETags of versioned resources: the version, quoted (<c>"3"</c>). Writes carry it back in
/// <c>If-Match</c>; the handler compares it with the current version (428 without it, 412 when stale).
/// </summary>
public static class EntityTag
{
    public const string IfMatchHeader = "If-Match";

    public static string For(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// The version an If-Match header names: null when there is none (or only <c>*</c>, which names no
    /// version), 0 when it is not one of our strong ETags (so it never matches and answers 412).
    /// </summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        // A list is allowed by RFC 9110; the first tag is the one a client sends back.
        var tag = header.Split(',')[0].Trim();
        if (tag == "*")
        {
            return null;
        }

        // A weak tag (W/"3") never matches: If-Match compares strongly (RFC 9110 §13.1.1), so it answers 412.
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : 0;
    }
}
