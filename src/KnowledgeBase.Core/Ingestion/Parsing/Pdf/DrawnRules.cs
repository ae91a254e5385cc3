using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// The lines and boxes drawn on a page, as the bounds of each drawn subpath. A table of prose cells can leave a gutter
/// free and hold prose on both sides just as two columns do; what gives it away is its ruling: a line between rows
/// that runs across the gutter (it separates the rows above from those below, as a crossing line of text does), a
/// column rule inside it, or cell boxes with an edge in it. A box as tall as the block with one edge in the gutter is a
/// sidebar set beside the text, which is read as a column of its own.
/// </summary>
internal sealed class DrawnRules(IReadOnlyList<PdfRectangle> bounds)
{
    // A rule is a thin line; thicker shapes crossing the gutter are backgrounds (a shaded box round a sidebar).
    private const double RuleThickness = 3;

    public static DrawnRules Of(Page page) =>
        new([.. page.Paths
            .Where(p => !p.IsClipping && (p.IsStroked || p.IsFilled))
            .SelectMany(p => p)
            .Select(s => s.GetBoundingRectangle())
            .OfType<PdfRectangle>()]);

    /// <summary>Whether a line drawn across the band lies between two baselines: the rows it parts are not one block.</summary>
    public bool Separate(Band band, double lowerBaseline, double upperBaseline) =>
        bounds.Any(box => box.Height <= RuleThickness && box.Left < band.Start && box.Right > band.End &&
            box.Bottom > lowerBaseline && box.Top < upperBaseline);

    /// <summary>Whether a column rule or a cell's edge lies in the gutter between <paramref name="bottom"/> and <paramref name="top"/>.</summary>
    public bool BorderTheGutter(Band gutter, double bottom, double top) =>
        bounds.Any(box => box.Top > bottom && box.Bottom < top &&
            (IsWithin(box.Left, gutter) || IsWithin(box.Right, gutter)) &&
            (box.Width <= RuleThickness || box.Height < (top - bottom) / 2));

    private static bool IsWithin(double x, Band band) => x >= band.Start && x <= band.End;
}
