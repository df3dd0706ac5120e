using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Command lines the executable rejects before any verb touches a database: checked once, not once per
/// engine (the SQLite database named in the arguments is never opened).
/// </summary>
public sealed class CommandLineUsageTests
{
    [Test]
    public async Task UnknownVerb_ExitsWithUsage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);

        Assert.That(await CommandLineVerbTests.RunAsync(database, "frobnicate"), Is.EqualTo(2));
    }
}
