using Mla.Domain.Progress;

namespace Mla.Domain.Tests.Progress;

public sealed class PersonKeysTests
{
    [TestCase("Mohamed Ould Ahmed", "Mohammed Ould-Ahmed")]
    [TestCase("Mohamed Ould Ahmed", "MUHAMMAD OULD AHMED")]
    [TestCase("Traoré", "Traore")]
    [TestCase("Aïssata Traoré", "TRAORE Aissata")]
    [TestCase("Cheikh Diop", "Sheikh Diop")]
    [TestCase("Ousmane Djibo", "Usmane Jibo")]
    public void NameKey_SpellingVariants_Agree(string one, string other) =>
        Assert.That(PersonKeys.NameKey(one), Is.EqualTo(PersonKeys.NameKey(other)));

    [TestCase("Traoré", "Touré")]
    [TestCase("Mohamed Ould Ahmed", "Mohamed Ould Sidi")]
    [TestCase("Aminata Diallo", "Aminata Diarra")]
    public void NameKey_DifferentNames_Differ(string one, string other) =>
        Assert.That(PersonKeys.NameKey(one), Is.Not.EqualTo(PersonKeys.NameKey(other)));

    [Test]
    public void DocumentKey_IgnoresCaseSpacesAndPunctuation() =>
        Assert.That(PersonKeys.DocumentKey("p 123-4567"), Is.EqualTo(PersonKeys.DocumentKey("P1234567")));

    [TestCase(null)]
    [TestCase("  ")]
    [TestCase("--")]
    public void Keys_OfNothing_AreNull(string? text)
    {
        Assert.That(PersonKeys.NameKey(text), Is.Null);
        Assert.That(PersonKeys.DocumentKey(text), Is.Null);
    }
}
