using KnowledgeBase.Core.Documents.Languages;
using UglyToad.PdfPig.Content;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Puts the rows of a two-column page in reading order. Rows are grouped by baseline across the whole width, so where
/// two columns share baselines each row holds a line of both. A page is read in columns only when a gutter (a band
/// at least an em wide near the middle that no glyph touches) runs unbroken through at least half of the page's rows
/// and both sides of it hold many lines of prose (lines that fill most of their column). An earlier gutter rule that
/// accepted any position a few rows left free split ordinary single-column pages at a chance alignment of word gaps;
/// an em-wide band through a long run of prose lines does not occur by chance. Tables (short cells), centred headings
/// and page numbers cross the band or are not prose, so they never trigger it. Rows that cross the gutter (titles,
/// full-width paragraphs) stay where they are and separate column blocks; so does a vertical gap of several lines
/// (a running header above the columns).
/// </summary>
internal static class ColumnLayout
{
    // The gutter is looked for in the middle of the text's horizontal extent, not near its margins.
    private const double MiddleFrom = 0.35;
    private const double MiddleTo = 0.65;
    // Word gaps are a quarter to a third of an em; a justified line rarely stretches one to a whole em.
    private const double GutterEm = 1.0;
    // Lines of prose each side needs before the page counts as two-column; a block inside it needs fewer.
    private const int PageSideLines = 6;
    private const int BlockSideLines = 3;
    // Share of the page's rows the gutter must run through unbroken ("most of the text block's height").
    private const double PageRowShare = 0.5;
    // A prose line fills most of its column; table cells and list labels do not.
    private const double ProseFill = 0.6;
    // Rows further apart than this many ems belong to different blocks (a running header, a page footer).
    private const double BlockGapEm = 3.0;

    public static IReadOnlyList<List<Letter>> InReadingOrder(IReadOnlyList<List<Letter>> rows, double fontSize)
    {
        if (rows.Count < PageSideLines)
        {
            return rows;
        }
        var layout = new RowOccupancy(rows);
        var gutterWidth = GutterEm * fontSize;
        if (FindGutter(rows, layout, fontSize, gutterWidth) is not { } gutter)
        {
            return rows;
        }
        var rightToLeft = rows.Sum(r => r.Count(l => l.Value.Any(Scripts.IsRightToLeft))) * 2 > rows.Sum(r => r.Count);
        var ordered = new List<List<Letter>>(rows.Count);
        foreach (var run in Runs(rows, layout, gutter, fontSize))
        {
            if (run.Count == 1 || !IsProseOnBothSides(run, layout, gutter, BlockSideLines))
            {
                ordered.AddRange(run);
                continue;
            }
            var left = run.Select(r => Side(r, gutter, leftSide: true)).Where(r => r.Count > 0);
            var right = run.Select(r => Side(r, gutter, leftSide: false)).Where(r => r.Count > 0);
            ordered.AddRange(rightToLeft ? right.Concat(left) : left.Concat(right));
        }
        return ordered;
    }

    /// <summary>The band the longest unbroken run of rows leaves free, if that run makes the page two-column.</summary>
    private static Band? FindGutter(IReadOnlyList<List<Letter>> rows, RowOccupancy layout, double fontSize, double gutterWidth)
    {
        var width = layout.Right - layout.Left;
        var bestLength = 0;
        var bestFrom = 0.0;
        var bestTo = 0.0;
        for (var x = layout.Left + width * MiddleFrom; x <= layout.Left + width * MiddleTo; x += 1)
        {
            var band = new Band(x - gutterWidth / 2, x + gutterWidth / 2);
            var length = Runs(rows, layout, band, fontSize).Where(r => r.Count > 1).Select(r => r.Count).DefaultIfEmpty(0).Max();
            if (length > bestLength)
            {
                (bestLength, bestFrom, bestTo) = (length, x, x);
            }
            else if (length == bestLength && x - bestTo <= 1.5)
            {
                bestTo = x; // widen the range of equally good positions, to centre the gutter in it
            }
        }
        if (bestLength < PageSideLines || bestLength < rows.Count * PageRowShare)
        {
            return null;
        }
        var centre = (bestFrom + bestTo) / 2;
        var gutter = new Band(centre - gutterWidth / 2, centre + gutterWidth / 2);
        var longest = Runs(rows, layout, gutter, fontSize).MaxBy(r => r.Count)!;
        return IsProseOnBothSides(longest, layout, gutter, PageSideLines) ? gutter : null;
    }

    /// <summary>Rows split into runs: a row that crosses the band, or a wide vertical gap, ends a run.</summary>
    private static List<List<List<Letter>>> Runs(IReadOnlyList<List<Letter>> rows, RowOccupancy layout, Band band, double fontSize)
    {
        var runs = new List<List<List<Letter>>>();
        List<List<Letter>>? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var crosses = !layout.IsFree(i, band);
            var gap = i > 0 && layout.Baseline(i - 1) - layout.Baseline(i) > BlockGapEm * fontSize;
            if (crosses || gap || current is null)
            {
                current = [];
                runs.Add(current);
            }
            current.Add(rows[i]);
            if (crosses)
            {
                current = null;
            }
        }
        return runs;
    }

    private static bool IsProseOnBothSides(List<List<Letter>> run, RowOccupancy layout, Band gutter, int minimumLines)
    {
        var leftWidth = gutter.Start - layout.Left;
        var rightWidth = layout.Right - gutter.End;
        var leftProse = 0;
        var rightProse = 0;
        foreach (var row in run)
        {
            var left = Side(row, gutter, leftSide: true);
            var right = Side(row, gutter, leftSide: false);
            if (left.Count > 0 && Extent(left) >= ProseFill * leftWidth)
            {
                leftProse++;
            }
            if (right.Count > 0 && Extent(right) >= ProseFill * rightWidth)
            {
                rightProse++;
            }
        }
        return leftProse >= minimumLines && rightProse >= minimumLines;
    }

    /// <summary>A row's glyphs on one side of the gutter; the row leaves the gutter free, so each lies wholly on one side.</summary>
    private static List<Letter> Side(List<Letter> row, Band gutter, bool leftSide)
    {
        var middle = (gutter.Start + gutter.End) / 2;
        return row.Where(l => (l.BoundingBox.Centroid.X < middle) == leftSide).ToList();
    }

    private static double Extent(List<Letter> letters) =>
        letters.Max(l => l.BoundingBox.Right) - letters.Min(l => l.BoundingBox.Left);
}
