using Mla.Documents.Layout;

namespace Mla.Documents.Tests.Layout;

public class TextNormaliserTests
{
    // Written out so a reader sees which space is which: · is U+00A0, ˙ is U+202F.
    private static string Show(string text) => text.Replace('\u00A0', '·').Replace('\u202F', '˙');

    [TestCase("l'autorité d'un État", "l’autorité d’un État")]
    [TestCase("N'Djamena, Côte d'Ivoire", "N’Djamena, Côte d’Ivoire")]
    [TestCase("the States' central authorities", "the States’ central authorities")]
    [TestCase("O'Brien's 'best' offer", "O’Brien’s ‘best’ offer")]
    [TestCase("dit 'oui.' puis", "dit ‘oui.’ puis")]
    public void Normalise_StraightApostropheInProse_BecomesTypographic(string typed, string printed)
    {
        Assert.That(TextNormaliser.Normalise(typed), Is.EqualTo(printed));
    }

    [TestCase("a.o'neil@justice.gouv.sn")]
    [TestCase("https://example.org/l'acte")]
    [TestCase("rapport_d'enquete.pdf")]
    [TestCase("AB'12")]
    [TestCase("5'30")]
    public void Normalise_ApostropheInACode_KeptAsTyped(string code)
    {
        Assert.That(TextNormaliser.Normalise(code), Is.EqualTo(code));
    }

    [TestCase("750 000 francs", "750˙000·francs")]
    [TestCase("184 000 000 FCFA", "184˙000˙000·FCFA")]
    [TestCase("1 234,56 euros", "1˙234,56·euros")]
    [TestCase("+221 77 000 00 00", "+221·77·000·00·00")]
    [TestCase("tél. 20 22 00 00.", "tél. 20·22·00·00.")]
    public void Normalise_DigitGroups_JoinedByNoBreakSpaces(string typed, string printed)
    {
        Assert.That(Show(TextNormaliser.Normalise(typed)), Is.EqualTo(printed));
    }

    [TestCase("dans les 48 heures", "dans les 48·heures")]
    [TestCase("10 ans d’emprisonnement", "10·ans d’emprisonnement")]
    [TestCase("le 17 mars 2026", "le 17·mars 2026")]
    [TestCase("soit 10 % du total", "soit 10·% du total")]
    [TestCase("2,5 millions", "2,5·millions")]
    public void Normalise_NumberAndWhatItCounts_KeptTogether(string typed, string printed)
    {
        Assert.That(Show(TextNormaliser.Normalise(typed)), Is.EqualTo(printed));
    }

    [TestCase("Loi n° 2016-008", "Loi n°·2016-008")]
    [TestCase("N° 12, nº 3, N.º 4", "N°·12, nº·3, N.º·4")]
    [TestCase("art. 7, arts. 8-9", "art.·7, arts.·8-9")]
    [TestCase("Art. 18, § 15", "Art.·18, §·15")]
    [TestCase("Case No. 4512", "Case No.·4512")]
    public void Normalise_AfterNumeroArticleAndSection_NoBreak(string typed, string printed)
    {
        Assert.That(Show(TextNormaliser.Normalise(typed)), Is.EqualTo(printed));
    }

    [TestCase("the answer was no. Then", "the answer was no. Then")]
    [TestCase("MA-2025-311 du juge", "MA-2025-311 du juge")]
    [TestCase("AB12 345", "AB12 345")]
    [TestCase("12/03/2026 à Bamako", "12/03/2026 à Bamako")]
    public void Normalise_CodesAndSentenceEnds_LeftBreakable(string typed, string printed)
    {
        Assert.That(Show(TextNormaliser.Normalise(typed)), Is.EqualTo(printed));
    }

    [TestCase("Objet : la demande ; urgent ! Pourquoi ?", "Objet·: la demande·; urgent·! Pourquoi·?")]
    [TestCase("la société « Sahel Négoce »", "la société «·Sahel Négoce·»")]
    public void Normalise_FrenchHighPunctuationAndGuillemets_NoBreakBefore(string typed, string printed)
    {
        Assert.That(Show(TextNormaliser.Normalise(typed)), Is.EqualTo(printed));
    }

    [Test]
    public void Normalise_LineEndsAndControlCharacters_UnifiedToNewlinesAndSpaces()
    {
        Assert.That(TextNormaliser.Normalise("un\r\ndeux\rtrois\ttab\u0007"), Is.EqualTo("un\ndeux\ntrois tab "));
    }

    [TestCase("L'autorité a saisi 750 000 francs le 3 mars (art. 7 ; n° 12) : tél. +221 77 000 00 00 ; a.o'neil@x.sn")]
    [TestCase("Phrase n° 00001 : les enquêteurs ont constaté 12 virements")]
    public void Normalise_AlreadyNormalised_Unchanged(string typed)
    {
        var once = TextNormaliser.Normalise(typed);

        Assert.That(TextNormaliser.Normalise(once), Is.EqualTo(once));
    }
}
