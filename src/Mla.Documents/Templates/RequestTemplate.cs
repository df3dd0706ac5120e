using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>
/// Turns a request into the blocks of its document. Every letter opens with its place and date, the parties
/// and the legal basis, and closes with urgency, confidentiality, the annexes, the contact officer and the
/// signature; between them, each kind writes the sections its instrument asks for, in the instrument's order.
/// </summary>
internal abstract class RequestTemplate
{
    public abstract string Kind { get; }

    public LayoutDocument Compose(RequestDocumentModel model, Wording wording)
    {
        var letter = new LetterBuilder(model, wording);
        letter.Opening();
        letter.Authorities();
        letter.LegalBasis();
        ComposeBody(letter);
        letter.Urgency();
        letter.Confidentiality();
        letter.Annexes();
        letter.ContactOfficer();
        letter.Closing();
        return letter.Document;
    }

    /// <summary>The sections proper to the kind, between the legal basis and the urgency.</summary>
    protected abstract void ComposeBody(LetterBuilder letter);
}
