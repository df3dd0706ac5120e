using System.Text.RegularExpressions;

namespace Mla.Api.Web;

/// <summary>
/// An element of the 422 <c>missing</c> list in the user's language: the label of its field (the paths are the
/// content's, so the drafting form's labels name them) and the drafting step where it is filled in.
/// </summary>
public static partial class MissingText
{
    /// <returns>The step's relative link (<c>basics</c>...), the field's label, and the 1-based item number for list items.</returns>
    public static (string Step, string Label, int? Item) Describe(string path, PageText text)
    {
        var match = IndexPattern().Match(path);
        int? item = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1 : null;
        var pattern = IndexPattern().Replace(path, "");
        var label = text[$"field.{pattern}"];
        var root = pattern.Split('.')[0];
        var step = root switch
        {
            "requestedState" or "legalBases" or "bilateralTreatyName" or "language" or "kind" => "basics",
            "investigatingAuthority" or "warrant" or "judgment" => "authorities",
            "subject" or "facts" or "offences" => "facts",
            "persons" => "persons",
            "assistance" => "assistance",
            _ => "purpose",
        };
        return (step, label, item);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex IndexPattern();
}
