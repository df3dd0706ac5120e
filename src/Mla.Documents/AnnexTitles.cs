using System.Globalization;
using Mla.Documents.Resources;

namespace Mla.Documents;

/// <summary>
/// How an annex is named in a request document and in the list of annexes: "Annexe 1 : Traduction en anglais de
/// la demande", from the description given at upload, else what the annex is by its type, else its file name.
/// </summary>
public static class AnnexTitles
{
    /// <exception cref="ArgumentException">No wording for <paramref name="language"/>.</exception>
    public static string Title(DocumentAnnex annex, string language) => Title(annex, annex.Number, Wording.For(language));

    internal static string Title(DocumentAnnex annex, int position, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(annex);
        var text = !string.IsNullOrWhiteSpace(annex.Description) ? annex.Description
            : !string.IsNullOrWhiteSpace(annex.TypeCode) ? $"{wording.Code("annexType", annex.TypeCode)} ({annex.FileName})"
            : annex.IsTranslation ? $"{wording["annexType.translation"]} ({annex.FileName})"
            : annex.FileName;
        var number = annex.Number > 0 ? annex.Number : position;
        return wording.Format("annex.line", ("number", number.ToString(CultureInfo.InvariantCulture)), ("text", text));
    }
}
