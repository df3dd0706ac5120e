using Mla.Documents.Layout;

namespace Mla.Documents.Tests.Layout;

public class TextWrapperTests
{
    [Test]
    public void Wrap_WordLongerThanTheLine_BrokenByCharactersWithNothingLost()
    {
        var word = new string('W', 300);

        var lines = TextWrapper.Wrap($"a {word} b", Typography.Body, 100);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.GreaterThan(3));
            Assert.That(string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal), Is.EqualTo($"a{word}b"));
            Assert.That(lines.Select(l => Typography.Body.Measure(l)), Has.All.LessThanOrEqualTo(100));
        });
    }

    [Test]
    public void Wrap_RunningText_NoLineWiderThanTheWidthAndWordsKeptInOrder()
    {
        var text = string.Concat(Enumerable.Repeat("L’autorité requérante sollicite l’exécution urgente de la mesure. ", 30)).Trim();

        var lines = TextWrapper.Wrap(text, Typography.Body, 250);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => Typography.Body.Measure(l)), Has.All.LessThanOrEqualTo(250));
            Assert.That(string.Join(' ', lines), Is.EqualTo(text));
        });
    }

    [Test]
    public void Wrap_LineBreaksAndBlankLines_Kept()
    {
        var lines = TextWrapper.Wrap("un\r\ndeux\n\ntrois\ttab", Typography.Body, 400);

        Assert.That(lines, Is.EqualTo(new[] { "un", "deux", string.Empty, "trois tab" }));
    }

    [Test]
    public void Wrap_NumberGroupsAtEveryPositionOfTheLine_NeverBrokenInside()
    {
        // Shift the text a character at a time so that each number meets the end of the line somewhere.
        for (var shift = 0; shift < 40; shift++)
        {
            var text = new string('x', shift) + " saisie de 750 000 francs, n° 12, art. 7, appel au +221 77 000 00 00 dans les 48 heures. "
                + string.Concat(Enumerable.Repeat("Montant de 184 000 000 FCFA, n° 2016-008. ", 6));

            var lines = TextWrapper.Wrap(text, Typography.Body, 200);

            Assert.Multiple(() =>
            {
                for (var i = 0; i + 1 < lines.Count; i++)
                {
                    var pair = $"shift {shift}: '{lines[i]}' / '{lines[i + 1]}'";
                    Assert.That(char.IsDigit(lines[i][^1]) && char.IsDigit(lines[i + 1][0]), Is.False, pair);
                    Assert.That(lines[i], Does.Not.EndWith("n°").And.Not.EndWith("art.").And.Not.EndWith("48"), pair);
                    Assert.That(lines[i + 1], Does.Not.StartWith("heures").And.Not.StartWith("francs"), pair);
                }
            });
        }
    }

    [Test]
    public void Wrap_NoBreakRunWiderThanTheLine_BrokenAtItsNoBreakSpacesNotInsideADigitGroup()
    {
        var run = string.Join(' ', Enumerable.Range(0, 30).Select(i => (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var lines = TextWrapper.Wrap(run, Typography.Body, 120);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.GreaterThan(1));
            Assert.That(lines.Select(l => Typography.Body.Measure(l)), Has.All.LessThanOrEqualTo(120));
            Assert.That(lines.SelectMany(l => l.Split(TextNormaliser.NoBreakSpace, TextNormaliser.NarrowNoBreakSpace)), Has.All.Length.EqualTo(3));
            Assert.That(string.Concat(lines.Select(PdfText.Squash)), Is.EqualTo(PdfText.Squash(run)));
        });
    }

    [Test]
    public void Wrap_NoBreakSpaces_MeasuredByTheBundledFontWithoutMissingGlyphs()
    {
        var style = Typography.Body;

        Assert.Multiple(() =>
        {
            Assert.That(style.Measure(TextNormaliser.NoBreakSpace), Is.EqualTo(style.Measure(' ')));
            Assert.That(style.Measure(TextNormaliser.NarrowNoBreakSpace), Is.GreaterThan(0).And.LessThan(style.Measure(' ')));
        });
    }
}
