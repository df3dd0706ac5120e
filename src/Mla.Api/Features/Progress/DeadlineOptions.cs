using Mla.Domain.Progress;

namespace Mla.Api.Features.Progress;

/// <summary>
/// The <c>Deadlines</c> configuration section: the intervals from which a request's deadlines are
/// computed (DOMAIN.md, "Deadlines that matter"). Deadlines are never typed in or stored; they follow
/// from the timeline and these figures, so changing a figure moves every deadline at once.
/// </summary>
public sealed class DeadlineOptions : IDeadlineFigures
{
    public const string SectionName = "Deadlines";

    /// <summary>Days after transmission within which the requested side should acknowledge receipt (default 30).</summary>
    public int ReceiptDays { get; set; } = 30;

    /// <summary>Days after the last event within which the requested side should give news (default 60).</summary>
    public int StatusUpdateDays { get; set; } = 60;

    /// <summary>
    /// Days a person may be held on provisional arrest before the extradition request must arrive, when
    /// no legal basis of the request sets its own period (default 40, the UN Model Treaty's period).
    /// </summary>
    public int ProvisionalArrestDays { get; set; } = 40;

    /// <summary>
    /// Periods set by particular legal bases, by legal-basis code (for example a bilateral treaty's
    /// 60 days). Codes are matched case-insensitively.
    /// </summary>
    public Dictionary<string, int> ProvisionalArrestDaysByLegalBasis { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The provisional-arrest period that applies to a request founded on these legal bases: the
    /// shortest period any of them sets (the person must be released at the earliest expiry), or
    /// <see cref="ProvisionalArrestDays"/> when none sets one.
    /// </summary>
    public int ProvisionalArrestDaysFor(IEnumerable<string> legalBasisCodes)
    {
        ArgumentNullException.ThrowIfNull(legalBasisCodes);
        var periods = legalBasisCodes
            .Where(ProvisionalArrestDaysByLegalBasis.ContainsKey)
            .Select(code => ProvisionalArrestDaysByLegalBasis[code])
            .ToList();
        return periods.Count == 0 ? ProvisionalArrestDays : periods.Min();
    }

    /// <inheritdoc/>
    public DeadlineFigures FiguresFor(IEnumerable<string> legalBasisCodes) =>
        new(ReceiptDays, StatusUpdateDays, ProvisionalArrestDaysFor(legalBasisCodes));
}
