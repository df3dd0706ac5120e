using Microsoft.SqlServer.TransactSql.ScriptDom;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Progress;

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

    [Test]
    public void SqlServerStatements_SearchesAndDashboard_ParseAsTSql()
    {
        var dialect = new SqlServerDialect();
        List<(string Name, string Sql)> statements = [];
        ListRequestsQuery[] queries =
        [
            new(),
            new() { Direction = "incoming", Status = ["received", "in-execution"], Kind = ["mla"] },
            new() { Q = "traore aissata", Overdue = "any", Category = "fraud", LegalBasis = "untoc", Urgency = "urgent", Confidential = true },
            new() { CreatedFrom = "2026-01-01", CreatedTo = "2026-02-01", TransmittedFrom = "2026-01-01", TransmittedTo = "2026-03-01", Overdue = "receipt" },
            .. Enum.GetValues<RequestSort>().SelectMany(sort => new ListRequestsQuery[]
            {
                new() { Sort = sort.ToCode(), Order = "asc" },
                new() { Sort = sort.ToCode(), Direction = "outgoing" },
            }),
        ];
        foreach (var query in queries)
        {
            var (filters, _) = RequestSearch.Filters(query, new DateOnly(2026, 11, 28));
            var sides = RequestSearch.Sides(query, "MLI");
            statements.Add(($"page {query}", RequestSearch.PageSql(dialect, query, sides, filters, "r.id AS Id")));
            statements.Add(($"page in sort order {query}", RequestSearch.PageSql(dialect, query, sides, filters.ReadInSortOrder(), "r.id AS Id")));
            statements.AddRange(sides.Select(side => ($"capped count {query}", RequestSearch.CappedCountSql(dialect, side, filters))));
            statements.AddRange(sides.Select(side => ($"tally sum {query}", RequestSearch.TallySumSql(side, filters))));
        }

        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            statements.Add(($"dashboard overdue {kind}", GetDashboardHandler.FirstOfSidesSql(dialect, GetDashboardHandler.OverdueSides(kind), $"r.{RequestStore.DueColumn(kind)}", ascending: true)));
        }

        statements.Add(("dashboard changed", GetDashboardHandler.FirstOfSidesSql(dialect, GetDashboardHandler.ChangedSides, "r.updated_at", ascending: false)));
        statements.Add(("dashboard oldest pending, State", GetDashboardHandler.OldestPendingSql(dialect, GetDashboardHandler.StatePairs)));
        statements.Add(("dashboard oldest pending, network", GetDashboardHandler.OldestPendingSql(dialect, GetDashboardHandler.NetworkPairs)));

        var failures = statements
            .Select(statement => (statement.Name, statement.Sql, Errors: TSqlParsing.Parse(statement.Sql)))
            .Where(statement => statement.Errors.Count > 0)
            .Select(statement => $"{statement.Name}:{Environment.NewLine}{statement.Sql}{Environment.NewLine}{string.Join(Environment.NewLine, statement.Errors)}")
            .ToList();
        Assert.That(failures, Is.Empty);
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
