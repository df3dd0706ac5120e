namespace Mla.Documents.Templates;

/// <summary>Extradition request: sections in the order of the UN Model Treaty on Extradition art. 5 and UNTOC art. 16.</summary>
internal sealed class ExtraditionRequestTemplate : RequestTemplate
{
    public override string Kind => RequestDocumentKinds.Extradition;

    protected override void ComposeBody(LetterBuilder letter)
    {
        letter.PersonsSought();
        letter.Subject();
        letter.Offences();
        letter.LegalProvisions();
        letter.Warrant();
        letter.Facts();
        letter.Judgment();
        letter.ExtraditionPurpose();
        letter.OtherPersons();
    }
}
