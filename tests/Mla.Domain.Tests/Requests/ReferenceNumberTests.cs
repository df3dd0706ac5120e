using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Requests;

public sealed class ReferenceNumberTests
{
    [TestCase("SEN", RequestKind.Mla, 2025, 42, ExpectedResult = "SEN/MLA/2025/0042")]
    [TestCase("NER", RequestKind.Extradition, 2024, 1, ExpectedResult = "NER/EXT/2024/0001")]
    [TestCase("MLI", RequestKind.ProvisionalArrest, 2026, 9999, ExpectedResult = "MLI/PA/2026/9999")]
    [TestCase("NGA", RequestKind.Mla, 2026, 12345, ExpectedResult = "NGA/MLA/2026/12345")]
    public string ToString_Parts_FormattedWithPaddedSequence(string state, RequestKind kind, int year, int sequence)
        => new ReferenceNumber(state, kind, year, sequence).ToString();

    [Test]
    [SetCulture("ar-SA")]
    public void ToString_ArabicCulture_StillLatinDigitsAndGregorianYear()
    {
        Assert.That(new ReferenceNumber("TCD", RequestKind.Mla, 2025, 7).ToString(), Is.EqualTo("TCD/MLA/2025/0007"));
    }

    [TestCase("SEN", RequestKind.Mla, 2026, 1, ExpectedResult = "SEN/IN/MLA/2026/0001")]
    [TestCase("MLI", RequestKind.Extradition, 2026, 12345, ExpectedResult = "MLI/IN/EXT/2026/12345")]
    public string ToString_IncomingRegister_NamesTheRegisteringStateAndIn(string state, RequestKind kind, int year, int sequence)
        => new ReferenceNumber(state, kind, year, sequence, ReferenceRegister.Incoming).ToString();

    [TestCase("SEN/MLA/2025/0042")]
    [TestCase("NER/EXT/2024/0001")]
    [TestCase("MLI/PA/2026/9999")]
    [TestCase("NGA/MLA/2026/12345")]
    [TestCase("SEN/IN/MLA/2026/0001")]
    [TestCase("NER/IN/PA/2026/10000")]
    public void Parse_CanonicalNumber_RoundTrips(string text)
    {
        Assert.That(ReferenceNumber.Parse(text).ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Parse_CanonicalNumber_ExposesItsParts()
    {
        var number = ReferenceNumber.Parse("BFA/PA/2025/0310");

        Assert.That(number, Is.EqualTo(new ReferenceNumber("BFA", RequestKind.ProvisionalArrest, 2025, 310)));
    }

    [Test]
    public void Parse_IncomingNumber_ExposesTheRegisteringStateAndTheRegister()
    {
        var number = ReferenceNumber.Parse("SEN/IN/EXT/2026/0007");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(number, Is.EqualTo(new ReferenceNumber("SEN", RequestKind.Extradition, 2026, 7, ReferenceRegister.Incoming)));
            Assert.That(number, Is.Not.EqualTo(ReferenceNumber.Parse("SEN/EXT/2026/0007")), "the same sequence in the outgoing register is another number");
            Assert.That(number.State, Is.EqualTo("SEN"));
            Assert.That(number.Register, Is.EqualTo(ReferenceRegister.Incoming));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("SEN/MLA/2025/42")]
    [TestCase("SEN/MLA/2025/00042")]
    [TestCase("SEN/MLA/2025/0000")]
    [TestCase("SEN/MLA/25/0042")]
    [TestCase("sen/MLA/2025/0042")]
    [TestCase("SENE/MLA/2025/0042")]
    [TestCase("SEN/mla/2025/0042")]
    [TestCase("SEN/EXTRADITION/2025/0042")]
    [TestCase("SEN/MLA/2025/0042/1")]
    [TestCase("SEN-MLA-2025-0042")]
    [TestCase("SEN/MLA/2025/+042")]
    [TestCase("SEN/MLA/2025/99999999999")]
    [TestCase("SEN/MLA/2025/٠٠٤٢")]
    [TestCase("SEN/in/MLA/2026/0001")]
    [TestCase("SEN/OUT/MLA/2026/0001")]
    [TestCase("SEN/IN/2026/0001")]
    [TestCase("SEN/IN/IN/MLA/2026/0001")]
    [TestCase("SEN/MLA/IN/2026/0001")]
    [TestCase("IN/MLA/2026/0001")]
    public void TryParse_NonCanonicalText_False(string? text)
    {
        Assert.That(ReferenceNumber.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_InvalidText_FormatException()
    {
        Assert.That(() => ReferenceNumber.Parse("SEN/2025/42"), Throws.TypeOf<FormatException>());
    }

    [TestCase("sen", 2025, 1)]
    [TestCase("SN", 2025, 1)]
    [TestCase("SEN", 0, 1)]
    [TestCase("SEN", 10000, 1)]
    [TestCase("SEN", 2025, 0)]
    public void Constructor_InvalidPart_Throws(string state, int year, int sequence)
    {
        Assert.That(() => new ReferenceNumber(state, RequestKind.Mla, year, sequence), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void IParsable_GenericParse_SameAsParse()
    {
        Assert.That(ParseAs<ReferenceNumber>("GHA/EXT/2025/0003"), Is.EqualTo(ReferenceNumber.Parse("GHA/EXT/2025/0003")));
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T>
        => T.Parse(text, null);
}
