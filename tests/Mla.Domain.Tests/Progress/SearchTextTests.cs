using Mla.Domain.Progress;

namespace Mla.Domain.Tests.Progress;

public sealed class SearchTextTests
{
    [TestCase("Traoré", "traore")]
    [TestCase("AÏSSATA", "aissata")]
    [TestCase("Ngozi Ọkọnkwọ", "ngozi okonkwo")]
    [TestCase("Søren Œdipe", "soren oedipe")]
    public void Fold_RemovesCaseAndAccents(string text, string expected) =>
        Assert.That(SearchText.Fold(text), Is.EqualTo(expected));

    [Test]
    public void Terms_SplitsReferencesAndNamesIntoDistinctWords()
    {
        var terms = SearchText.Terms("MLI/MLA/2026/0001", "Mohamed Ould-Ahmed", null, "mohamed");

        Assert.That(terms, Is.EqualTo(new[] { "mli", "mla", "2026", "0001", "mohamed", "ould", "ahmed" }));
    }
}
