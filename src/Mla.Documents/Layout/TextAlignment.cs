namespace Mla.Documents.Layout;

public enum TextAlignment
{
    Left,
    Center,
    Right,
}
