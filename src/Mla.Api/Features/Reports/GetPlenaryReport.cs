using Mla.Documents.Reports;

namespace Mla.Api.Features.Reports;

/// <summary>A network's plenary report for a period, as JSON or as a file (CSV zip, XLSX, PDF).</summary>
/// <param name="Network">A network code (<c>sjcp</c>, <c>wacap</c>), any case.</param>
/// <param name="From">First day of the period, <c>yyyy-MM-dd</c>.</param>
/// <param name="To">Last day of the period, <c>yyyy-MM-dd</c>.</param>
/// <param name="Format"><c>json</c> (default), <c>csv</c>, <c>xlsx</c> or <c>pdf</c>.</param>
/// <param name="Language"><c>fr</c> (default), <c>en</c> or <c>pt</c>: the wording of the files.</param>
/// <param name="Scope"><c>network</c> (a secretariat's, the default for it) or <c>state</c> (a State's users', the default for them).</param>
public sealed record GetPlenaryReportQuery(string? Network, string? From, string? To, string? Format = null, string? Language = null, string? Scope = null)
    : IQuery<PlenaryReportResult>;

/// <summary>The report, and the file asked for when the format is not JSON.</summary>
public sealed record PlenaryReportResult(PlenaryReportDto Report, ReportFile? File);

public sealed class GetPlenaryReportValidator : AbstractValidator<GetPlenaryReportQuery>
{
    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "xlsx", "pdf"];

    public static readonly IReadOnlyList<string> Scopes = [PlenaryReportAccess.NetworkScope, PlenaryReportAccess.StateScope];

    /// <summary>Longest period a report covers: its previous period goes as far back again.</summary>
    public const int MaxYears = 10;

    public GetPlenaryReportValidator()
    {
        RuleFor(q => q.Network).NotEmpty().Matches(@"\A[A-Za-z0-9-]{1,20}\z").WithMessage("Use a network code, e.g. sjcp.");
        RuleFor(q => q.From).NotEmpty().Must(BeADate).WithMessage(DateMessage);
        RuleFor(q => q.To).NotEmpty().Must(BeADate).WithMessage(DateMessage);
        RuleFor(q => q.To)
            .Must((q, to) => ParseDate(to) >= ParseDate(q.From)).WithMessage("Must not be before from.")
            .Must((q, to) => ParseDate(to) < ParseDate(q.From)!.Value.AddYears(MaxYears)).WithMessage($"A period covers at most {MaxYears} years.")
            .When(q => BeADate(q.From) && BeADate(q.To));
        RuleFor(q => q.Format).MustBeOneOf(Formats).When(q => q.Format is not null);
        RuleFor(q => q.Language).MustBeOneOf(ReportWording.AvailableLanguages).When(q => q.Language is not null);
        RuleFor(q => q.Scope).MustBeOneOf(Scopes).When(q => q.Scope is not null);
    }

    private static string DateMessage => $"Use a date yyyy-MM-dd, {ValidationRules.EarliestEventDate:yyyy-MM-dd} or later.";

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool BeADate(string? text) => ParseDate(text) is { } date && date >= ValidationRules.EarliestEventDate;
}

public sealed class GetPlenaryReportHandler(IDbSession session, PlenaryReportAccess access, PlenaryFigures figures, TimeProvider time)
    : IQueryHandler<GetPlenaryReportQuery, PlenaryReportResult>
{
    private const string MembersSql = "SELECT state_iso3 FROM network_memberships WHERE network_code = @network";

    private const string NetworkExistsSql = "SELECT COUNT(*) FROM networks WHERE code = @network";

    public async ValueTask<PlenaryReportResult> Handle(GetPlenaryReportQuery query, CancellationToken cancellationToken)
    {
        var network = query.Network!.ToLowerInvariant();
        if (await session.ExecuteScalarAsync<long>(NetworkExistsSql, new { network }, cancellationToken) == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["network"] = ["Unknown network: see /api/reference/networks."] });
        }

        var members = (await session.QueryAsync<string>(MembersSql, new { network }, cancellationToken)).Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
        var state = access.RestrictTo(network, query.Scope, members);

        var generatedAt = time.GetUtcNow();
        var today = DateOnly.FromDateTime(generatedAt.UtcDateTime);
        var from = GetPlenaryReportValidator.ParseDate(query.From)!.Value;
        var to = GetPlenaryReportValidator.ParseDate(query.To)!.Value;

        var current = new PlenaryPeriod(from, to, Min(to, today));
        var previousFrom = PreviousFrom(from, to);
        var previous = new PlenaryPeriod(previousFrom, from.AddDays(-1), Min(from.AddDays(-1), today));

        var report = await figures.ComputeAsync(network, state, current, previous, generatedAt, cancellationToken);
        var format = query.Format ?? "json";
        if (format == "json")
        {
            return new PlenaryReportResult(report, null);
        }

        var language = query.Language ?? "fr";
        var tables = PlenaryReportTables.Build(report, ReportWording.For(language));
        var name = string.Create(CultureInfo.InvariantCulture, $"plenary-{network}{(state is null ? "" : "-" + state.ToLowerInvariant())}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}-{language}");
        var file = format switch
        {
            "csv" => new ReportFile(PlenaryReportFiles.Csv(tables, generatedAt), PlenaryReportFiles.ZipType, $"{name}.zip"),
            "xlsx" => new ReportFile(await PlenaryReportFiles.XlsxAsync(tables, cancellationToken), PlenaryReportFiles.XlsxType, $"{name}.xlsx"),
            _ => new ReportFile(PlenaryReportGenerator.Generate(DocumentModel(report, tables, language)), PlenaryReportFiles.PdfType, $"{name}.pdf"),
        };
        return new PlenaryReportResult(report, file);
    }

    private static PlenaryReportDocumentModel DocumentModel(PlenaryReportDto report, IReadOnlyList<ReportTable> tables, string language)
    {
        // Requests each State sent and received, from the State pairs: the bar chart.
        var states = report.Matrix.SelectMany(m => new[] { m.RequestingState, m.RequestedState }).Distinct().Order(StringComparer.Ordinal);
        return new PlenaryReportDocumentModel(
            report,
            language,
            tables,
            requestsPerState: [.. states.Select(s => new BarGroup(s, [
                report.Matrix.Where(m => m.RequestingState == s).Sum(m => m.Total),
                report.Matrix.Where(m => m.RequestedState == s).Sum(m => m.Total)]))],
            medianDelaysByMonth: [.. report.DelaysByMonth.Select(m => new LinePoint(m.Month, [m.ReceiptMedianDays, m.DecisionMedianDays]))]);
    }

    /// <summary>
    /// The previous period ends the day before this one begins and is as long: as many whole months when the period
    /// is whole months (the first half of 2026 follows the second half of 2025, not a span of 181 days), otherwise
    /// as many days.
    /// </summary>
    internal static DateOnly PreviousFrom(DateOnly from, DateOnly to)
    {
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            return from.AddMonths(-months);
        }

        return from.AddDays(from.DayNumber - to.DayNumber - 1);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
