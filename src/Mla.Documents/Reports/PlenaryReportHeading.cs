namespace Mla.Documents.Reports;

/// <summary>
/// What a plenary report is about: the network whose requests it counts (and the State it is restricted to),
/// the period, the previous period it is compared with, and when it was generated. The report's figures and
/// its PDF carry the same heading, so the PDF is made from the figures without copying it field by field.
/// </summary>
public abstract record PlenaryReportHeading
{
    /// <summary>The network's code (<c>sjcp</c>, <c>wacap</c>).</summary>
    public required string Network { get; init; }

    /// <summary>The State the report is restricted to (<c>scope=state</c>); null for the whole network.</summary>
    public string? State { get; init; }

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    /// <summary>The day statuses and pending requests are taken at: the end of the period, or today if sooner.</summary>
    public DateOnly ReferenceDate { get; init; }

    public DateOnly PreviousFrom { get; init; }

    public DateOnly PreviousTo { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}
