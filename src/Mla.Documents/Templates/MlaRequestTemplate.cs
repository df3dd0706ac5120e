using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>MLA request: sections in the order of UNTOC art. 18(15), UNCAC art. 46(15) and ECOWAS 1992 art. 5.</summary>
internal sealed class MlaRequestTemplate : IRequestTemplate
{
    public string Kind => RequestDocumentKinds.Mla;

    public LayoutDocument Compose(RequestDocumentModel model, Wording wording)
    {
        var letter = new LetterBuilder(model, wording);
        letter.Opening();
        letter.Authorities();
        letter.LegalBasis();
        letter.Subject();
        letter.Offences();
        letter.Facts();
        letter.Assistance();
        letter.Persons(model.Persons, "section.persons");
        letter.Purpose();
        letter.Urgency();
        letter.Confidentiality();
        letter.Annexes();
        letter.ContactOfficer();
        letter.Closing();
        return letter.Document;
    }
}
