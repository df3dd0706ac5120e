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
        "change-network-members", "network", "networks", "code", "network_memberships", "network_code", "state_iso3", positionColumn: null);

    public static readonly ReferenceCodeList StateLanguages = new(
        "change-state-languages", "State", "states", "iso3", "state_languages", "state_iso3", "language_code", positionColumn: "preference");

    private readonly string _auditAction;
    private readonly string _ownerKind;
    private readonly string _ownerExistsSql;
    private readonly string _currentSql;
    private readonly string _deleteSql;
    private readonly string _insertSql;

    private ReferenceCodeList(
        string auditAction, string ownerKind, string ownerTable, string ownerKey, string listTable, string ownerColumn, string codeColumn, string? positionColumn)
    {
        _auditAction = auditAction;
        _ownerKind = ownerKind;
        _ownerExistsSql = $"SELECT COUNT(*) FROM {ownerTable} WHERE {ownerKey} = @owner";
        _currentSql = $"SELECT {codeColumn} FROM {listTable} WHERE {ownerColumn} = @owner ORDER BY {positionColumn ?? codeColumn}";
        _deleteSql = $"DELETE FROM {listTable} WHERE {ownerColumn} = @owner";
        _insertSql = positionColumn is null
            ? $"INSERT INTO {listTable} ({ownerColumn}, {codeColumn}) VALUES (@owner, @code)"
            : $"INSERT INTO {listTable} ({ownerColumn}, {codeColumn}, {positionColumn}) VALUES (@owner, @code, @position)";
    }

    /// <summary>Every statement of every list, for the SQL Server parse check of the tests.</summary>
    public static IEnumerable<string> GeneratedStatements() =>
        new[] { NetworkMembers, StateLanguages }.SelectMany(list => new[] { list._ownerExistsSql, list._currentSql, list._deleteSql, list._insertSql });

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

public static class ReferenceCodeListRules
{
    /// <summary>
    /// A replacement list: not empty, no code twice, each code in its stored form and known
    /// (<paramref name="codeExistsSql"/> takes <c>@code</c>). A rule stops at its first failure: a null
    /// list is reported, never read, and a code in another form than the stored one is refused rather
    /// than looked up or normalised, so every engine stores the same thing.
    /// </summary>
    public static void RuleForCodeList<T>(
        this AbstractValidator<T> validator,
        Expression<Func<T, IEnumerable<string>>> list,
        Func<IRuleBuilderOptions<T, string>, IRuleBuilderOptions<T, string?>> storedForm,
        IDbSession session,
        string codeExistsSql,
        string emptyMessage,
        string repeatedMessage,
        string unknownMessage)
    {
        validator.RuleLevelCascadeMode = CascadeMode.Stop;
        validator.RuleFor(list).NotEmpty().WithMessage(emptyMessage)
            .Must(codes => codes.Distinct().Count() == codes.Count()).WithMessage(repeatedMessage);
        storedForm(validator.RuleForEach(list).NotEmpty())
            .MustAsync(async (code, ct) => await session.ExecuteScalarAsync<long>(codeExistsSql, new { code }, ct) == 1)
            .WithMessage(unknownMessage);
    }
}
