using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>
/// Provisional arrest (UN Model Treaty on Extradition art. 9): the person, the statement that extradition
/// will be requested, the warrant or judgment, the penalty, concise facts and the person's location.
/// </summary>
internal sealed class ProvisionalArrestRequestTemplate : IRequestTemplate
{
    public string Kind => RequestDocumentKinds.ProvisionalArrest;

    public LayoutDocument Compose(RequestDocumentModel model, Wording wording)
    {
        var letter = new LetterBuilder(model, wording);
        var (sought, others) = LetterBuilder.SplitPersonsSought(model.Persons);
        letter.Opening();
        letter.Authorities();
        letter.LegalBasis();
        letter.Persons(sought, "section.personSought");
        letter.ExtraditionUndertaking();
        letter.Warrant();
        letter.Judgment();
        letter.Subject();
        letter.Offences();
        letter.LegalProvisions();
        letter.Facts();
        letter.Persons(others, "section.persons");
        letter.Urgency();
        letter.Confidentiality();
        letter.Annexes();
        letter.ContactOfficer();
        letter.Closing();
        return letter.Document;
    }
}
