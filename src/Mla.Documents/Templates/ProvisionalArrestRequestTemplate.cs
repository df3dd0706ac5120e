namespace Mla.Documents.Templates;

/// <summary>
/// Provisional arrest (UN Model Treaty on Extradition art. 9): the person, the statement that extradition
/// will be requested, the warrant or judgment, the penalty, concise facts and the person's location.
/// </summary>
internal sealed class ProvisionalArrestRequestTemplate : RequestTemplate
{
    public override string Kind => RequestDocumentKinds.ProvisionalArrest;

    protected override void ComposeBody(LetterBuilder letter)
    {
        letter.PersonsSought();
        letter.ExtraditionUndertaking();
        letter.Warrant();
        letter.Judgment();
        letter.Subject();
        letter.Offences();
        letter.LegalProvisions();
        letter.Facts();
        letter.OtherPersons();
    }
}
