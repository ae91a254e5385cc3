using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// The lines and boxes drawn on a page, as the bounds of each drawn subpath. A table of prose cells can leave a gutter
/// free and hold prose on both sides just as two columns do; what gives it away is its ruling: a line between rows
/// that runs across the gutter, a column rule inside it, or cell boxes with an edge in it. A box as tall as the block
/// with one edge in the gutter is a sidebar set beside the text, which is read as a column of its own.
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

    /// <summary>Whether a rule between <paramref name="bottom"/> and <paramref name="top"/> crosses or borders the gutter.</summary>
    public bool RuleTheGutter(Band gutter, double bottom, double top)
    {
        foreach (var box in bounds)
        {
            if (box.Top <= bottom || box.Bottom >= top)
            {
                continue;
            }
            var across = box.Left < gutter.Start && box.Right > gutter.End && box.Height <= RuleThickness;
            var isLineOrCell = box.Width <= RuleThickness || box.Height < (top - bottom) / 2;
            var border = (IsWithin(box.Left, gutter) || IsWithin(box.Right, gutter)) && isLineOrCell;
            if (across || border)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWithin(double x, Band band) => x >= band.Start && x <= band.End;
}
