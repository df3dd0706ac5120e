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
}
