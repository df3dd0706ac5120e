using Microsoft.SqlServer.TransactSql.ScriptDom;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// No SQL Server runs on the development machines, so every T-SQL script is at least parsed here with
/// Microsoft's own parser: a syntax error fails the build's tests, not a customer's deployment.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static IEnumerable<string> Scripts() =>
        Directory.GetFiles(Path.Combine(DatabaseMigrator.ScriptsRoot, "sqlserver"), "*.sql").Select(Path.GetFileName).OfType<string>().Order();

    [Test]
    public void SqlServerMigrations_Exist_OnePerPostgresAndSqliteScript()
    {
        foreach (var engine in new[] { "postgres", "sqlite" })
        {
            var names = Directory.GetFiles(Path.Combine(DatabaseMigrator.ScriptsRoot, engine), "*.sql").Select(Path.GetFileName).Order();
            Assert.That(Scripts(), Is.EqualTo(names), $"db/sqlserver and db/{engine} must hold the same numbered scripts");
        }
    }

    [TestCaseSource(nameof(Scripts))]
    public void SqlServerMigration_ParsedWithScriptDom_HasNoSyntaxError(string script)
    {
        var text = File.ReadAllText(Path.Combine(DatabaseMigrator.ScriptsRoot, "sqlserver", script));

        var errors = TSqlParsing.Parse(text);

        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }

    [Test]
    public void SqlServerStatements_EveryStatementOfTheApi_ParsesAsTSql()
    {
        var statements = SqlStatementCatalog.All(new SqlServerDialect()).ToList();

        Assert.That(statements, Is.Not.Empty);
        foreach (var (name, sql) in statements)
        {
            var errors = TSqlParsing.Parse(sql);
            Assert.That(errors, Is.Empty, $"{name}:{Environment.NewLine}{sql}{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
    }
}

/// <summary>Parses T-SQL with the newest parser ScriptDom ships.</summary>
public static class TSqlParsing
{
    public static IReadOnlyList<string> Parse(string sql)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(error => $"line {error.Line}, column {error.Column}: {error.Message}").ToList();
    }
}
