using PdfSharp.Drawing;

namespace Mla.Documents.Layout;

/// <summary>
/// Draws what repeats on every page: the letterhead, the draft marking and the footer with "page X of Y"
/// (and, on a transmitted document, its verification line and QR code).
/// It runs after the body is laid out, when the number of pages is known.
/// </summary>
internal sealed class PageDecorator(LayoutDocument document, PageFrame frame, Func<TextStyle, XFont> fonts)
{
    public const double HeaderTop = 30;

    public void DrawBackground(XGraphics gfx)
    {
        if (document.DraftMarking is not { Length: > 0 } marking)
        {
            return;
        }

        // Light enough to read the text through, without transparency (not allowed in PDF/A-1).
        var style = Typography.Watermark;
        var state = gfx.Save();
        gfx.TranslateTransform(frame.Width / 2, frame.Height / 2);
        gfx.RotateTransform(-50);
        gfx.DrawString(marking, fonts(style), Brush(style), 0, 0, XStringFormats.Center);
        gfx.Restore(state);
    }

    public void DrawHeader(XGraphics gfx)
    {
        var style = Typography.Letterhead;
        var top = HeaderTop;
        foreach (var line in document.LetterheadLines.Select(TextNormaliser.Normalise))
        {
            var x = frame.Left + ((frame.BodyWidth - style.Measure(line)) / 2);
            gfx.DrawString(line, fonts(style), Brush(style), x, top + style.BaselineOffset);
            top += style.LineHeight;
        }

        if (document.DraftMarking is { Length: > 0 } draft)
        {
            var marking = TextNormaliser.Normalise(draft);
            var marker = Typography.Marking;
            gfx.DrawString(marking, fonts(marker), XBrushes.DarkRed, frame.Right - marker.Measure(marking), HeaderTop + marker.BaselineOffset);
        }

        var ruleY = frame.BodyTop - 12;
        gfx.DrawLine(new XPen(XColors.Black, 0.6), frame.Left, ruleY, frame.Right, ruleY);
    }

    /// <summary>Side of the QR code's symbol in points (20 mm), its quiet zone excluded.</summary>
    public const double QrCodeSize = 56.7;

    public void DrawFooter(XGraphics gfx, int page, int pages)
    {
        var style = Typography.Footer;
        var ruleY = frame.BodyBottom + 18;

        // The QR code sits in the bottom right corner, beside the reference and the verification line: its quiet
        // zone runs into the blank right margin and the room PageFrame keeps under the body.
        var textRight = frame.Right;
        if (document.QrCodeText is { Length: > 0 } qrText)
        {
            var symbol = QrCodeSymbol.Encode(qrText);
            var quietZone = QrCodeSize / symbol.Modules * QrCodeSymbol.QuietZoneModules;
            symbol.Draw(gfx, frame.Right - QrCodeSize, frame.BodyBottom + quietZone, QrCodeSize);
            textRight = frame.Right - QrCodeSize - quietZone - 6;
        }

        gfx.DrawLine(new XPen(XColors.Gray, 0.5), frame.Left, ruleY, textRight, ruleY);
        var baseline = ruleY + 4 + style.BaselineOffset;
        var font = fonts(style);
        var brush = Brush(style);

        // The page label first: a long reference wraps beside it rather than running over it.
        var label = TextNormaliser.Normalise(document.PageLabel(page, pages));
        var labelWidth = style.Measure(label);
        gfx.DrawString(label, font, brush, textRight - labelWidth, baseline);
        var footerLines = TextWrapper.Wrap(document.FooterText, style, textRight - frame.Left - labelWidth - 20);
        var top = ruleY + 4;
        foreach (var line in footerLines)
        {
            gfx.DrawString(line, font, brush, frame.Left, top + style.BaselineOffset);
            top += style.LineHeight;
        }

        // The verification code, under the reference.
        if (document.VerificationText is { Length: > 0 } verification)
        {
            foreach (var line in TextWrapper.Wrap(verification, style, textRight - frame.Left))
            {
                gfx.DrawString(line, font, brush, frame.Left, top + style.BaselineOffset);
                top += style.LineHeight;
            }
        }
    }

    public static XBrush Brush(TextStyle style) =>
        style.Grey == 0 ? XBrushes.Black : new XSolidBrush(XColor.FromArgb(style.Grey, style.Grey, style.Grey));
}
