using Mla.Api.Features.Notifications;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Notifications;

public sealed class NoticeWordingTests
{
    [Test]
    public void Wordings_FrenchEnglishPortuguese_HoldTheSameKeys_AndEveryKindAndStatus()
    {
        var french = NoticeWording.For("fr");
        Assert.That(NoticeWording.AvailableLanguages, Is.EqualTo(new[] { "en", "fr", "pt" }));
        foreach (var language in NoticeWording.AvailableLanguages)
        {
            var wording = NoticeWording.For(language);
            Assert.That(wording.Keys, Is.EquivalentTo(french.Keys), language);
            foreach (var status in Enum.GetValues<RequestStatus>())
            {
                Assert.That(wording[$"status.{status.ToCode()}"], Is.Not.Empty, $"{language} status {status}");
            }

            foreach (var kind in Enum.GetValues<RequestKind>())
            {
                Assert.That(wording[$"kind.{kind.ToCode()}"], Is.Not.Empty, $"{language} kind {kind}");
            }
        }
    }
}
