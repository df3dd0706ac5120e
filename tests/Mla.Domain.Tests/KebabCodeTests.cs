using System.Text.Json;
using System.Text.Json.Serialization;
using Mla.Domain.Access;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests;

public sealed class KebabCodeTests
{
    [TestCase(RequestKind.Mla, "mla")]
    [TestCase(RequestKind.ProvisionalArrest, "provisional-arrest")]
    [TestCase(RequestStatus.InExecution, "in-execution")]
    [TestCase(RequestStatus.AwaitingInformation, "awaiting-information")]
    [TestCase(Role.CentralAuthority, "central-authority")]
    [TestCase(TransmissionChannel.DirectJudicial, "direct-judicial")]
    [TestCase(ExecutionOutcome.NotExecuted, "not-executed")]
    [TestCase(ExtraditionDecision.PartlyGranted, "partly-granted")]
    [TestCase(RequestAction.RecordExtraditionDecision, "record-extradition-decision")]
    public void ToCodeAndParse_PascalCaseMember_RoundTripsThroughKebabCase<TEnum>(TEnum member, string code)
        where TEnum : struct, Enum
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(member.ToCode(), Is.EqualTo(code));
            Assert.That(KebabCode.Parse<TEnum>(code), Is.EqualTo(member));
        }
    }

    [Test]
    public void AllCodes_RequestStatus_TheTenStatusCodesInLifecycleOrder()
    {
        Assert.That(
            string.Join(" ", KebabCode.AllCodes<RequestStatus>()),
            Is.EqualTo("draft transmitted received in-execution awaiting-information postponed executed partially-executed refused withdrawn"));
    }

    [Test]
    public void ToCode_EveryStatus_ParsesBackToTheSameStatus()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var status in Enum.GetValues<RequestStatus>())
            {
                Assert.That(KebabCode.TryParse<RequestStatus>(status.ToCode(), out var parsed), Is.True);
                Assert.That(parsed, Is.EqualTo(status));
            }
        }
    }

    [TestCase("provisional-arrest", ExpectedResult = RequestKind.ProvisionalArrest)]
    [TestCase("extradition", ExpectedResult = RequestKind.Extradition)]
    public RequestKind Parse_CanonicalCode_ReturnsMember(string code) => KebabCode.Parse<RequestKind>(code);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ProvisionalArrest")]
    [TestCase("Provisional-Arrest")]
    [TestCase(" provisional-arrest")]
    [TestCase("provisional_arrest")]
    [TestCase("2")]
    public void TryParse_NonCanonicalCode_False(string? code)
    {
        Assert.That(KebabCode.TryParse<RequestKind>(code, out _), Is.False);
    }

    [Test]
    public void Parse_UnknownCode_FormatExceptionListingTheCodes()
    {
        Assert.That(() => KebabCode.Parse<Urgency>("very-urgent"), Throws.TypeOf<FormatException>().With.Message.Contains("normal, urgent"));
    }

    [Test]
    public void ToCode_UndefinedValue_Throws()
    {
        Assert.That(() => ((RequestKind)42).ToCode(), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static readonly JsonSerializerOptions KebabJson = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    // The API can serialise enums with System.Text.Json's kebab-case policy and get the same codes.
    [Test]
    public void FromPascalCase_EveryDomainEnumMember_SameAsJsonKebabCaseLowerPolicy()
    {
        var names = typeof(KebabCode).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(Enum.GetNames)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.Count.GreaterThan(50));
            foreach (var name in names)
            {
                Assert.That(KebabCode.FromPascalCase(name), Is.EqualTo(JsonNamingPolicy.KebabCaseLower.ConvertName(name)), name);
            }
        }
    }

    [Test]
    public void JsonStringEnumConverter_KebabCaseLower_WritesTheSameCode()
    {
        var json = JsonSerializer.Serialize(RequestStatus.PartiallyExecuted, KebabJson);

        Assert.That(json, Is.EqualTo($"\"{RequestStatus.PartiallyExecuted.ToCode()}\""));
    }
}
