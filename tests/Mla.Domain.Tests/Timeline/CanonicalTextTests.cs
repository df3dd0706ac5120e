using Mla.Domain.Requests;
using Mla.Domain.Timeline;

namespace Mla.Domain.Tests.Timeline;

public sealed class CanonicalTextTests
{
    [Test]
    public void OfFields_AnyOrder_OneLinePerFieldInOrdinalOrderOfName()
    {
        var text = CanonicalText.OfFields("header", [Field("b", "2"), Field("a.1", "x"), Field("a.0", "y")]);

        Assert.That(text, Is.EqualTo("header\na.0=y\na.1=x\nb=2"));
    }

    // So that a nullable column added later leaves the digests of every record that does not use it valid.
    [Test]
    public void OfFields_NullAndFalse_LeftOut()
    {
        var without = CanonicalText.OfFields("h", [Field("subject", "S")]);
        var with = CanonicalText.OfFields("h", [Field("subject", "S"), Field("place_of_birth", null), Field("is_translation", false)]);

        Assert.That(with, Is.EqualTo(without));
    }

    [Test]
    public void OfFields_EmptyText_DiffersFromNoText()
    {
        Assert.That(CanonicalText.OfFields("h", [Field("subject", "")]), Is.Not.EqualTo(CanonicalText.OfFields("h", [Field("subject", null)])));
    }

    [Test]
    [SetCulture("ar-SA")]
    public void OfFields_Values_InvariantForms()
    {
        var text = CanonicalText.OfFields("h",
        [
            Field("status", RequestStatus.AwaitingInformation),
            Field("date", new DateOnly(2026, 11, 27)),
            Field("at", new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567)),
            Field("id", Guid.Parse("0b9c4b5e-6a57-4d1e-9f43-2f1d7c1a0e11")),
            Field("version", 12),
            Field("size", 123456789012L),
            Field("confidential", true),
        ]);

        Assert.That(text, Is.EqualTo(
            "h\nat=2026-11-27T22:30:00.1234567Z\nconfidential=true\ndate=2026-11-27\nid=0b9c4b5e-6a57-4d1e-9f43-2f1d7c1a0e11\nsize=123456789012\nstatus=awaiting-information\nversion=12"));
    }

    [Test]
    public void OfFields_ValueFakingALine_Escaped()
    {
        var faked = CanonicalText.OfFields("h", [Field("a", "x\nb=y")]);
        var real = CanonicalText.OfFields("h", [Field("a", "x"), Field("b", "y")]);

        Assert.That(faked, Is.Not.EqualTo(real));
    }

    [Test]
    public void OfFields_SameNameTwice_Refused()
    {
        Assert.That(() => CanonicalText.OfFields("h", [Field("a", "1"), Field("a", "2")]), Throws.ArgumentException);
    }

    [Test]
    public void Sha256_Text_LowercaseHexOfItsUtf8()
    {
        Assert.That(CanonicalText.Sha256(""), Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    private static KeyValuePair<string, object?> Field(string name, object? value) => KeyValuePair.Create(name, value);
}
