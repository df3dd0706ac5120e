using System.Net;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class AddNoteTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task AddNote_ProsecutorOfRequestedState_AddsAnEventWithoutChangingStatus()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var prosecutor = await CreateClientAsAsync("sen.pros");

        var noted = await StepAsync(prosecutor, transmitted, "notes", new { note = "Called the central authority: in progress." });

        Assert.That(noted.Status, Is.EqualTo(transmitted.Status));
        Assert.That(noted.Version, Is.EqualTo(transmitted.Version + 1));
        var last = (await GetTimelineAsync(prosecutor, transmitted.Id)).Last();
        Assert.That(last.Action, Is.EqualTo("add-note"));
        Assert.That(last.Note, Is.EqualTo("Called the central authority: in progress."));
        Assert.That(last.OccurredOn, Is.EqualTo(Today));
        Assert.That(last.Actor.Role, Is.EqualTo("prosecutor"));
    }

    [Test]
    public async Task AddNote_EmptyNote_Returns400()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PostStepAsync(mali, transmitted.Id, "notes", new { note = " " }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AddNote_OnDraft_Returns409()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await PostStepAsync(mali, draft.Id, "notes", new { note = "Draft note" }, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
