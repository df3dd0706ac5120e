using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>
/// A user's "today" is the date in the user's State: Bamako and Dakar on UTC, Niamey on UTC+1, Praia on
/// UTC−1. Sent through the mediator as each user, with the clock set near midnight UTC (a token issued
/// by a clock moved by hours would not be accepted over HTTP).
/// </summary>
public sealed class RequestDatesTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task CreateDraft_At2330Utc_IsDatedTodayInBamakoButTomorrowInNiamey()
    {
        var day = SetClockTo(23, 30);

        var mali = await SendAsAsync("mli.ca", DraftTo("SEN"));
        var niger = await SendAsAsync("ner.ca", DraftTo("MLI"));

        Assert.That(await FirstEventDateAsync(mali.Id), Is.EqualTo(day));
        Assert.That(await FirstEventDateAsync(niger.Id), Is.EqualTo(day.AddDays(1)));
    }

    [Test]
    public async Task CreateDraft_At0030Utc_IsDatedYesterdayInPraia()
    {
        var day = SetClockTo(0, 30);

        var caboVerde = await SendAsAsync("cpv.ca", DraftTo("SEN"));

        Assert.That(await FirstEventDateAsync(caboVerde.Id), Is.EqualTo(day.AddDays(-1)));
    }

    [Test]
    public async Task Transmit_At2330Utc_AcceptsBamakosDateAndRefusesTomorrow()
    {
        var day = SetClockTo(23, 30);
        var draft = await SendAsAsync("mli.ca", DraftTo("SEN"));

        var tomorrow = await Assert.ThrowsAsync<InvalidInputException>(() => SendAsAsync("mli.ca", Transmission(draft, day.AddDays(1))));
        var transmitted = await SendAsAsync("mli.ca", Transmission(draft, day));

        Assert.That(tomorrow!.Errors.Keys, Is.EquivalentTo(new[] { "occurredOn" }));
        Assert.That(transmitted.TransmittedOn, Is.EqualTo(day));
    }

    [Test]
    public async Task Step_OneDayBeforeAnEventDatedInAnotherTimeZone_IsAcceptedButNotTwo()
    {
        var day = SetClockTo(23, 30);
        var draft = await SendAsAsync("mli.ca", DraftTo("NER"));
        var transmitted = await SendAsAsync("mli.ca", Transmission(draft, day));
        // Niamey is already on the next day.
        var received = await SendAsAsync("ner.ca", new AcknowledgeReceiptCommand { OccurredOn = day.AddDays(1), RequestedSideReference = "NER/1" }
            .For<AcknowledgeReceiptCommand>(transmitted.Id, transmitted.Version, null));

        var twoDaysBefore = await Assert.ThrowsAsync<InvalidInputException>(() => SendAsAsync("mli.ca", Withdrawal(received, day.AddDays(-1))));
        var withdrawn = await SendAsAsync("mli.ca", Withdrawal(received, day));

        Assert.That(twoDaysBefore!.Errors.Keys, Is.EquivalentTo(new[] { "occurredOn" }));
        Assert.That(withdrawn.Status, Is.EqualTo(RequestStatus.Withdrawn));
        Assert.That(withdrawn.ClosedOn, Is.EqualTo(day));
    }

    [Test]
    public async Task Step_BeforeThePreviousEventOfTheSameState_IsRefused()
    {
        var day = SetClockTo(12, 0);
        var draft = await SendAsAsync("mli.ca", DraftTo("SEN"));
        var transmitted = await SendAsAsync("mli.ca", Transmission(draft, day));

        var before = await Assert.ThrowsAsync<InvalidInputException>(() => SendAsAsync("mli.ca", Withdrawal(transmitted, day.AddDays(-1))));

        Assert.That(before!.Errors["occurredOn"].Single(), Does.Contain("before the previous event"));
    }

    // Moves the test clock forward to the next hh:mm UTC and returns that day.
    private DateOnly SetClockTo(int hour, int minute)
    {
        var now = Factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(hour).AddMinutes(minute), TimeSpan.Zero);
        if (target <= now)
        {
            target = target.AddDays(1);
        }

        Factory.Clock.Advance(target - now);
        return DateOnly.FromDateTime(target.UtcDateTime);
    }

    private static CreateDraftCommand DraftTo(string state) => new()
    {
        Kind = RequestKind.Mla,
        RequestedState = state,
        LegalBases = ["ecowas-mla-1992"],
        Subject = "Blanchiment",
        InvestigatingAuthority = new AuthorityRef("Pôle économique", "Juge d'instruction"),
        Facts = "Des virements.",
        Offences = [new Offence("money-laundering", "Blanchiment", "Art. 1", "10 ans")],
        Assistance = [new AssistanceItem("records", "Relevés", null)],
        Purpose = "Établir le circuit des fonds",
        Language = "fr",
    };

    private static TransmitRequestCommand Transmission(RequestDto draft, DateOnly on) =>
        new TransmitRequestCommand { OccurredOn = on, Channel = TransmissionChannel.CentralAuthority, Language = "fr" }
            .For<TransmitRequestCommand>(draft.Id, draft.Version, null);

    private static WithdrawRequestCommand Withdrawal(RequestDto request, DateOnly on) =>
        new WithdrawRequestCommand { OccurredOn = on, Reason = "No longer needed" }.For<WithdrawRequestCommand>(request.Id, request.Version, null);

    private async Task<DateOnly> FirstEventDateAsync(Guid id)
    {
        await using var connection = await OpenConnectionAsync();
        return await Dapper.SqlMapper.QueryFirstAsync<DateOnly>(connection,
            "SELECT occurred_on FROM request_events WHERE request_id = @id ORDER BY sequence_number", new { id });
    }

    // Sends a command as a user, the way a request signed in by that user would.
    private async Task<TResponse> SendAsAsync<TResponse>(string username, ICommand<TResponse> command)
    {
        var user = await EnsureUserAsync(username);
        await using var scope = Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var identity = new ClaimsIdentity(
            [new Claim(MlaClaims.UserId, user.Id.ToString()), new Claim(MlaClaims.Username, username), new Claim(MlaClaims.Role, user.Role), new Claim(MlaClaims.State, user.State ?? "")],
            authenticationType: "test", MlaClaims.Name, MlaClaims.Role);
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
