using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>Extradition request: sections in the order of the UN Model Treaty on Extradition art. 5 and UNTOC art. 16.</summary>
internal sealed class ExtraditionRequestTemplate : IRequestTemplate
{
    public string Kind => RequestDocumentKinds.Extradition;

    public LayoutDocument Compose(RequestDocumentModel model, Wording wording)
    {
        var letter = new LetterBuilder(model, wording);
        var (sought, others) = LetterBuilder.SplitPersonsSought(model.Persons);
        letter.Opening();
        letter.Authorities();
        letter.LegalBasis();
        letter.Persons(sought, "section.personSought");
        letter.Subject();
        letter.Offences();
        letter.LegalProvisions();
        letter.Warrant();
        letter.Facts();
        letter.Judgment();
        letter.ExtraditionPurpose();
        letter.Persons(others, "section.persons");
        letter.Urgency();
        letter.Confidentiality();
        letter.Annexes();
        letter.ContactOfficer();
        letter.Closing();
        return letter.Document;
    }
}
