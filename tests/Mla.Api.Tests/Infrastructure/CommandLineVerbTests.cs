using Dapper;
using Microsoft.AspNetCore.Identity;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The maintenance verbs of the Api executable, run in-process as the executable runs them.</summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public sealed class CommandLineVerbTests(DatabaseEngine engine)
{
    [Test]
    public async Task Migrate_EmptyDatabase_CreatesTheSchemaAndExitsZero()
    {
        await using var database = await TestDatabase.CreateAsync(engine);

        var exitCode = await RunAsync(database, "migrate");

        Assert.That(exitCode, Is.Zero);
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM states"), Is.EqualTo(17));
    }

    [Test]
    public async Task UsersAdd_FirstAdministrator_CreatesAnAccountThatCanSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(engine);

        var exitCode = await RunAsync(database, "users", "add", "--username", "root", "--password", "first administrator password", "--role", "admin", "--display-name", "First Admin");

        Assert.That(exitCode, Is.Zero);
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        var hash = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE username = 'root' AND role = 'admin'");
        var check = new PasswordHasher<UserAccount>().VerifyHashedPassword(new UserAccount { Username = "root", DisplayName = "", Role = "admin" }, hash!, "first administrator password");
        Assert.That(check, Is.Not.EqualTo(PasswordVerificationResult.Failed));
    }

    [Test]
    public async Task UsersAdd_InvalidRole_ExitsNonZeroAndCreatesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(engine);

        var exitCode = await RunAsync(database, "users", "add", "--username", "root", "--password", "first administrator password", "--role", "king");

        Assert.That(exitCode, Is.EqualTo(1));
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    /// <summary><see cref="RunAsync"/>, with what the verb wrote to standard output (and error).</summary>
    internal static async Task<(int ExitCode, string Output)> RunWithOutputAsync(TestDatabase database, params string[] words)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        await using var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exitCode = await RunAsync(database, words);
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    /// <summary>Runs the executable's entry logic on <paramref name="database"/>: parse, build the host, run the verb.</summary>
    internal static async Task<int> RunAsync(TestDatabase database, params string[] words)
    {
        string[] args =
        [
            .. words,
            "--Database:Engine", database.Engine.ToString(),
            $"--ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString,
            "--Authentication:SigningKey", Convert.ToBase64String(MlaApiFactory.SigningKey),
            "--environment", "Testing",
        ];
        var verb = CommandLineVerb.Parse(args);
        await using var app = MlaApplication.Build(verb.HostArguments, serving: verb.Name is null);
        return await verb.RunAsync(app);
    }
}
