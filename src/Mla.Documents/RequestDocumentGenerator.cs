using System.Collections.Frozen;
using Mla.Documents.Resources;
using Mla.Documents.Templates;

namespace Mla.Documents;

/// <summary>
/// Produces the PDF of a request. Stateless and thread-safe: concurrent calls share only immutable wording,
/// the installed fonts and a cache of character widths.
/// </summary>
public static class RequestDocumentGenerator
{
    private static readonly FrozenDictionary<string, RequestTemplate> Templates = new RequestTemplate[]
    {
        new MlaRequestTemplate(),
        new ExtraditionRequestTemplate(),
        new ProvisionalArrestRequestTemplate(),
    }.ToFrozenDictionary(t => t.Kind, StringComparer.Ordinal);

    /// <summary>Language codes a document can be written in: one per embedded wording file.</summary>
    public static IReadOnlyList<string> SupportedLanguages => Wording.AvailableLanguages;

    /// <summary>Document kinds: <c>mla</c>, <c>extradition</c>, <c>provisional-arrest</c>.</summary>
    public static IReadOnlyList<string> SupportedKinds => RequestDocumentKinds.All;

    /// <summary>The PDF bytes of the request. The same model always gives the same bytes.</summary>
    /// <exception cref="ArgumentException">Unknown kind or language (the message lists the supported ones).</exception>
    public static byte[] Generate(RequestDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Templates.TryGetValue(model.Kind, out var template))
        {
            throw new ArgumentException(
                $"No document template for kind '{model.Kind}'. Supported kinds: {string.Join(", ", SupportedKinds)}.",
                nameof(model));
        }

        var wording = Wording.For(model.Language);
        return template.Compose(model, wording).Render();
    }
}
