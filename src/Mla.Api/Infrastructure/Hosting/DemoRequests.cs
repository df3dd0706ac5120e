using System.Security.Claims;
using Dapper;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// Two demo requests beside the demo accounts (Development, or <c>--seed-demo</c>; never Production), so
/// that a newcomer signing in as <c>mli.ca</c> finds something to open: an MLA request from Mali to Senegal,
/// transmitted and acknowledged (with its frozen PDF), and an extradition draft from Mali to Niger.
/// They are made through the same commands as a user's, acting as the demo users.
/// </summary>
public sealed partial class DemoRequests(
    IServiceScopeFactory scopes,
    IHttpContextAccessor httpContext,
    DemoAccounts accounts,
    ISqlDialect dialect,
    DatabaseOptions options,
    TimeProvider time,
    ILogger<DemoRequests> logger)
{
    private const string AnyOutgoingSql = "SELECT COUNT(*) FROM requests WHERE requesting_state = 'MLI'";

    private const string DemoUserSql = $"""
        SELECT id AS {nameof(DemoUser.Id)}, username AS {nameof(DemoUser.Username)}, role AS {nameof(DemoUser.Role)},
               state_iso3 AS {nameof(DemoUser.State)}
        FROM users
        WHERE username = @username
        """;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!accounts.ShouldSeed)
        {
            return;
        }

        await using (var connection = dialect.CreateConnection(options.ConnectionString))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(AnyOutgoingSql, cancellationToken: cancellationToken)) > 0)
            {
                return;
            }
        }

        // Bamako and Dakar are both on UTC: one date for the three steps.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var mla = await AsAsync("mli.ca", sender => sender.Send(MlaDraft(), cancellationToken), cancellationToken);
        mla = await AsAsync("mli.ca", sender => sender.Send(new TransmitRequestCommand { OccurredOn = today, Channel = TransmissionChannel.CentralAuthority, Language = "fr" }
            .For<TransmitRequestCommand>(mla.Id, mla.Version, idempotencyKey: null), cancellationToken), cancellationToken);
        await AsAsync("sen.fp", sender => sender.Send(new AcknowledgeReceiptCommand { OccurredOn = today, RequestedSideReference = "SEN/AC/2026/0117", Note = "Reçue par le point focal." }
            .For<AcknowledgeReceiptCommand>(mla.Id, mla.Version, idempotencyKey: null), cancellationToken), cancellationToken);
        await AsAsync("mli.ca", sender => sender.Send(ExtraditionDraft(), cancellationToken), cancellationToken);
        LogSeeded(logger, mla.ReferenceNumber ?? "");
    }

    // Runs one command in its own scope, signed in as a demo user (the ambient HttpContext is what
    // ICurrentUser reads; it is local to this asynchronous flow and removed afterwards).
    private async Task<RequestDto> AsAsync(string username, Func<ISender, ValueTask<RequestDto>> send, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IDbSession>()
            .QuerySingleOrDefaultAsync<DemoUser>(DemoUserSql, new { username }, cancellationToken)
            ?? throw new InvalidOperationException($"Demo user {username} is missing.");
        var identity = new ClaimsIdentity(
            [new Claim(MlaClaims.UserId, user.Id.ToString()), new Claim(MlaClaims.Username, user.Username), new Claim(MlaClaims.Role, user.Role), new Claim(MlaClaims.State, user.State ?? "")],
            authenticationType: "demo-seed", MlaClaims.Name, MlaClaims.Role);
        httpContext.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await send(scope.ServiceProvider.GetRequiredService<ISender>());
        }
        finally
        {
            httpContext.HttpContext = null;
        }
    }

    private static CreateDraftCommand MlaDraft() => new()
    {
        Kind = RequestKind.Mla,
        RequestedState = "SEN",
        LegalBases = ["ecowas-mla-1992", "untoc-2000"],
        Subject = "Financement d'un groupe armé opérant dans la région de Mopti",
        InvestigatingAuthority = new AuthorityRef("Pôle judiciaire spécialisé de lutte contre le terrorisme, Bamako", "Juge d'instruction"),
        Facts = "Entre janvier et juin 2025, des virements ont été effectués depuis deux comptes ouverts à Dakar au profit de personnes "
            + "liées à un groupe armé. Les fonds auraient servi à l'achat de motos et de carburant.",
        Offences = [new Offence("terrorism-financing", "Financement du terrorisme", "Art. 3, loi n° 2008-025", "20 ans d'emprisonnement")],
        Persons = [new PersonConcerned("asset-holder", "Demo Titulaire Un", "MLI", new DateOnly(1982, 4, 12), "Dakar", null)],
        Assistance =
        [
            new AssistanceItem("records", "Relevés des comptes bancaires de janvier à juin 2025, avec les pièces d'ouverture", null),
            new AssistanceItem("taking-evidence", "Audition du gestionnaire des comptes", "Audition sous serment"),
        ],
        Purpose = "Établir le circuit des fonds et identifier les bénéficiaires",
        Urgency = Urgency.Normal,
        Language = "fr",
        Confidential = true,
    };

    private static CreateDraftCommand ExtraditionDraft() => new()
    {
        Kind = RequestKind.Extradition,
        RequestedState = "NER",
        LegalBases = ["ecowas-extradition-1994"],
        Subject = "Extradition aux fins de poursuites pour vol à main armée",
        Facts = "Le 3 mars 2025 à Sikasso, un convoi commercial a été attaqué par des hommes armés.",
        Offences = [new Offence("banditry-armed-robbery", "Vol à main armée", "Art. 252, code pénal", "Réclusion à perpétuité")],
        Persons = [new PersonConcerned("person-sought", "Demo Personne Recherchée", "MLI", new DateOnly(1990, 5, 6), "Niamey", null)],
        Warrant = new JudicialDecisionRef("Juge d'instruction, tribunal de grande instance de Sikasso", new DateOnly(2025, 4, 2), "MA-2025-014"),
        ExtraditionPurpose = ExtraditionPurpose.Prosecution,
        LegalProvisionsText = "Code pénal du Mali, art. 252 : le vol commis avec port d'arme est puni de la réclusion criminelle à perpétuité.",
        Language = "fr",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo requests seeded ({ReferenceNumber} and a draft)")]
    private static partial void LogSeeded(ILogger logger, string referenceNumber);

    private sealed record DemoUser
    {
        public Guid Id { get; init; }

        public required string Username { get; init; }

        public required string Role { get; init; }

        public string? State { get; init; }
    }
}
