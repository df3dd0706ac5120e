namespace Mla.Domain.Requests;

/// <summary>
/// What an annex is, given at upload (kebab-case codes: <c>photograph</c>, <c>legal-provisions</c>, ...). The
/// person sought's photograph and fingerprints, and the text of the law, are what an extradition request
/// annexes (ECOWAS Extradition Convention); a legal-provisions annex stands for the text typed in the request.
/// </summary>
public enum AnnexType
{
    Translation,
    Photograph,
    Fingerprints,
    LegalProvisions,
    Warrant,
    Judgment,
    Other,
}
