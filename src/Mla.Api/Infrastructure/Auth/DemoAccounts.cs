using Mla.Api.Features.Admin;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// Demo accounts for trying Mla out: seeded in Development, or elsewhere with <c>--seed-demo</c>, and
/// never in Production. All share the password of <c>Demo:Password</c>.
/// </summary>
public sealed partial class DemoAccounts(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoAccounts> logger)
{
    public const string DefaultPassword = "Mla-demo-2026!";

    private const string ExistsSql = "SELECT COUNT(*) FROM users WHERE username = @username";

    private static readonly (string Username, string DisplayName, string Function, string Role, string? State, string? Network)[] Accounts =
    [
        ("mli.ca", "Aminata Traoré", "Chef du bureau de l'entraide, autorité centrale du Mali", "central-authority", "MLI", null),
        ("sen.ca", "Ousmane Diop", "Magistrat, autorité centrale du Sénégal", "central-authority", "SEN", null),
        ("ner.ca", "Hadiza Moussa", "Magistrate, autorité centrale du Niger", "central-authority", "NER", null),
        ("mli.fp", "Boubacar Keïta", "Point focal PCJS et WACAP, Mali", "focal-point", "MLI", null),
        ("sen.fp", "Fatou Ndiaye", "Point focal PCJS et WACAP, Sénégal", "focal-point", "SEN", null),
        ("ner.fp", "Issoufou Abdou", "Point focal PCJS et WACAP, Niger", "focal-point", "NER", null),
        ("mli.pros", "Mariam Coulibaly", "Procureure du pôle judiciaire spécialisé, Bamako", "prosecutor", "MLI", null),
        ("sen.pros", "Cheikh Sarr", "Procureur de la République, Dakar", "prosecutor", "SEN", null),
        ("sjcp.sec", "Secrétariat PCJS", "Secrétariat de la Plateforme de coopération judiciaire des pays du Sahel", "secretariat", null, "sjcp"),
        ("wacap.sec", "WACAP Secretariat", "Secretariat of the West African Network of Central Authorities and Prosecutors", "secretariat", null, "wacap"),
        ("admin", "Administrateur Mla", "System administrator", "admin", null, null),
    ];

    public static IReadOnlyList<string> Usernames => [.. Accounts.Select(account => account.Username)];

    public bool ShouldSeed => !environment.IsProduction()
        && (environment.IsDevelopment() || configuration.GetValue<bool>("Demo:Seed"));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction())
        {
            if (configuration.GetValue<bool>("Demo:Seed"))
            {
                LogRefusedInProduction(logger);
            }

            return;
        }

        var password = configuration["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;
        var created = 0;
        foreach (var account in Accounts)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDbSession>();
            if (await session.ExecuteScalarAsync<long>(ExistsSql, new { username = account.Username }, cancellationToken) > 0)
            {
                continue;
            }

            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
            {
                Username = account.Username,
                DisplayName = account.DisplayName,
                FunctionTitle = account.Function,
                Password = password,
                Role = account.Role,
                State = account.State,
                Network = account.Network,
                Email = $"{account.Username}@demo.mla.invalid",
            }, cancellationToken);
            created++;
        }

        LogSeeded(logger, created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts seeded: {Created} created")]
    private static partial void LogSeeded(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo accounts are never seeded in Production; --seed-demo ignored")]
    private static partial void LogRefusedInProduction(ILogger logger);
}
