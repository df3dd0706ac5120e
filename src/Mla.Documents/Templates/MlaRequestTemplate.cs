namespace Mla.Documents.Templates;

/// <summary>MLA request: sections in the order of UNTOC art. 18(15), UNCAC art. 46(15) and ECOWAS 1992 art. 5.</summary>
internal sealed class MlaRequestTemplate : RequestTemplate
{
    public override string Kind => RequestDocumentKinds.Mla;

    protected override void ComposeBody(LetterBuilder letter)
    {
        letter.Subject();
        letter.Offences();
        letter.Facts();
        letter.Assistance();
        letter.Persons();
        letter.Purpose();
    }
}
