using System.Linq.Expressions;
using Mla.Api.Infrastructure.Audit;

namespace Mla.Api.Features.Admin;

/// <summary>
/// One list of codes in the reference data that an administrator replaces as a whole: a network's
/// member States, a State's languages in order of preference. Both are replaced, checked and audited
/// the same way, so they differ only by their tables and columns.
/// </summary>
public sealed class ReferenceCodeList
{
    public static readonly ReferenceCodeList NetworkMembers = new(
        "change-network-members", "network", "networks", "code", "network_memberships", "network_code", "state_iso3", positionColumn: null,
        new ListedCodes("states", "iso3", "A network has at least one member State.", "A State is listed twice.", "Unknown State."));

    public static readonly ReferenceCodeList StateLanguages = new(
        "change-state-languages", "State", "states", "iso3", "state_languages", "state_iso3", "language_code", positionColumn: "preference",
        new ListedCodes("languages", "code", "A State accepts at least one language.", "A language is listed twice.", "Unknown language code."));

    private readonly string _auditAction;
    private readonly string _ownerKind;
    private readonly string _ownerExistsSql;
    private readonly string _currentSql;
    private readonly string _deleteSql;
    private readonly string _insertSql;

    private ReferenceCodeList(
        string auditAction, string ownerKind, string ownerTable, string ownerKey, string listTable, string ownerColumn, string codeColumn, string? positionColumn,
        ListedCodes codes)
    {
        Codes = codes;
        _auditAction = auditAction;
        _ownerKind = ownerKind;
        _ownerExistsSql = $"SELECT COUNT(*) FROM {ownerTable} WHERE {ownerKey} = @owner";
        _currentSql = $"SELECT {codeColumn} FROM {listTable} WHERE {ownerColumn} = @owner ORDER BY {positionColumn ?? codeColumn}";
        _deleteSql = $"DELETE FROM {listTable} WHERE {ownerColumn} = @owner";
        _insertSql = positionColumn is null
            ? $"INSERT INTO {listTable} ({ownerColumn}, {codeColumn}) VALUES (@owner, @code)"
            : $"INSERT INTO {listTable} ({ownerColumn}, {codeColumn}, {positionColumn}) VALUES (@owner, @code, @position)";
    }

    /// <summary>The codes the list holds, as its validator checks them.</summary>
    public ListedCodes Codes { get; }

    /// <summary>Every statement of every list, for the SQL Server parse check of the tests.</summary>
    public static IEnumerable<string> GeneratedStatements() =>
        new[] { NetworkMembers, StateLanguages }.SelectMany(list => new[] { list._ownerExistsSql, list._currentSql, list._deleteSql, list._insertSql, list.Codes.ExistsSql });

    /// <summary>
    /// Replaces the owner's list, recording before and after in the admin audit; 404 for an unknown owner.
    /// Runs in the command's transaction, so a failure leaves the old list whole.
    /// </summary>
    public async Task ReplaceAsync(IDbSession session, AuditTrail audit, string owner, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(_ownerExistsSql, new { owner }, cancellationToken) == 0)
        {
            throw new NotFoundException($"No {_ownerKind} {owner}.");
        }

        var before = await session.QueryAsync<string>(_currentSql, new { owner }, cancellationToken);
        await session.ExecuteAsync(_deleteSql, new { owner }, cancellationToken);
        for (var i = 0; i < codes.Count; i++)
        {
            await session.ExecuteAsync(_insertSql, new { owner, code = codes[i], position = i + 1 }, cancellationToken);
        }

        await audit.RecordAsync(_auditAction, _ownerKind, owner, new { before, after = codes }, cancellationToken);
    }
}

/// <summary>The codes a list holds: the table and key they are known by, and what a refused list is told.</summary>
public sealed record ListedCodes(string Table, string Key, string EmptyMessage, string RepeatedMessage, string UnknownMessage)
{
    public string ExistsSql => $"SELECT COUNT(*) FROM {Table} WHERE {Key} = @code";
}

public static class ReferenceCodeListRules
{
    /// <summary>
    /// A replacement of <paramref name="codeList"/>: not empty, no code twice, each code in its stored form
    /// and known. A rule stops at its first failure: a null list is reported, never read, and a code in another
    /// form than the stored one is refused rather than looked up or normalised, so every engine stores the same thing.
    /// </summary>
    public static void RuleForCodeList<T>(
        this AbstractValidator<T> validator,
        Expression<Func<T, IEnumerable<string>>> list,
        Func<IRuleBuilderOptions<T, string>, IRuleBuilderOptions<T, string?>> storedForm,
        ReferenceCodeList codeList,
        IDbSession session)
    {
        var codes = codeList.Codes;
        validator.RuleLevelCascadeMode = CascadeMode.Stop;
        validator.RuleFor(list).NotEmpty().WithMessage(codes.EmptyMessage)
            .Must(given => given.Distinct().Count() == given.Count()).WithMessage(codes.RepeatedMessage);
        storedForm(validator.RuleForEach(list).NotEmpty())
            .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(codes.ExistsSql, new { code }, ct) == 1)
            .WithMessage(codes.UnknownMessage);
    }
}
