namespace Mla.Documents.Layout;

/// <summary>An A4 page in points, and the body area left between the running header and the footer.</summary>
public sealed record PageFrame(double Width, double Height, double MarginLeft, double MarginRight, double BodyTop, double BodyBottom)
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    public double Left => MarginLeft;

    public double Right => Width - MarginRight;

    public double BodyWidth => Right - Left;

    /// <summary>A4 with 22 mm side margins, room above the body for <paramref name="letterheadLineCount"/> lines, and
    /// below it for the footer and its QR code (<see cref="PageDecorator.QrCodeSize"/>). The room is kept on every
    /// document, with or without a code, so a draft's preview breaks its pages where its transmitted document does.</summary>
    public static PageFrame A4(int letterheadLineCount) => new(
        A4Width,
        A4Height,
        MarginLeft: 62,
        MarginRight: 62,
        BodyTop: PageDecorator.HeaderTop + (Math.Max(1, letterheadLineCount) * Typography.Letterhead.LineHeight) + 22,
        BodyBottom: A4Height - 78);
}
