using KnowledgeBase.Core.Documents.Languages;
using UglyToad.PdfPig.Content;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Puts the rows of a two-column page in reading order. Rows are grouped by baseline across the whole width, so where
/// two columns share baselines each row holds a line of both. A page is read in columns only when a gutter (a band
/// at least an em wide near the middle that no glyph touches) runs unbroken through at least half of the page's rows
/// and both sides of it hold many lines of prose (lines of several words that fill most of their column), with no
/// table ruling in the gutter (<see cref="DrawnRules"/>). An earlier gutter rule that
/// accepted any position a few rows left free split ordinary single-column pages at a chance alignment of word gaps;
/// an em-wide band through a long run of prose lines does not occur by chance. Tables (short cells), centred headings
/// and page numbers cross the band or are not prose, so they never trigger it. Rows that cross the gutter (titles,
/// full-width paragraphs) stay where they are and separate column blocks; so does a vertical gap of several lines
/// (a running header above the columns).
/// </summary>
internal static class ColumnLayout
{
    // The gutter is looked for in the middle of the text's horizontal extent, not near its margins.
    // Kept narrow so the columns are of similar width: a glossary's short term column beside its definitions is a table.
    private const double MiddleFrom = 0.4;
    private const double MiddleTo = 0.6;
    // Word gaps are a quarter to a third of an em; a justified line rarely stretches one to a whole em.
    private const double GutterEm = 1.0;
    // Lines of prose each side needs before the page counts as two-column; a block inside it needs fewer.
    private const int PageSideLines = 6;
    private const int BlockSideLines = 3;
    // Share of the page's rows the gutter must run through unbroken ("most of the text block's height").
    private const double PageRowShare = 0.5;
    // A prose line fills most of its column with several words in one run; table cells, terms and labels do not.
    private const double ProseFill = 0.6;
    private const int ProseWords = 4;
    // Rows further apart than this many ems belong to different blocks (a running header, a page footer).
    private const double BlockGapEm = 3.0;

    public static IReadOnlyList<List<Letter>> InReadingOrder(IReadOnlyList<List<Letter>> rows, double fontSize, DrawnRules rules)
    {
        if (rows.Count < PageSideLines)
        {
            return rows;
        }
        var layout = new RowOccupancy(rows);
        if (FindGutter(rows, layout, fontSize, rules) is not { } gutter)
        {
            return rows;
        }
        var rightToLeft = rows.Sum(r => r.Count(l => l.Value.Any(Scripts.IsRightToLeft))) * 2 > rows.Sum(r => r.Count);
        var ordered = new List<List<Letter>>(rows.Count);
        foreach (var run in Runs(rows, layout, gutter, fontSize, rules))
        {
            if (run.Count == 1 || !IsColumnBlock(run, layout, gutter, fontSize, rules, BlockSideLines))
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
    private static Band? FindGutter(IReadOnlyList<List<Letter>> rows, RowOccupancy layout, double fontSize, DrawnRules rules)
    {
        var gutterWidth = GutterEm * fontSize;
        var width = layout.Right - layout.Left;
        var bestLength = 0;
        var bestFrom = 0.0;
        var bestTo = 0.0;
        for (var x = layout.Left + width * MiddleFrom; x <= layout.Left + width * MiddleTo; x += 1)
        {
            var band = new Band(x - gutterWidth / 2, x + gutterWidth / 2);
            var length = Runs(rows, layout, band, fontSize, rules).Where(r => r.Count > 1).Select(r => r.Count).DefaultIfEmpty(0).Max();
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
        var longest = Runs(rows, layout, gutter, fontSize, rules).MaxBy(r => r.Count)!;
        return IsColumnBlock(longest, layout, gutter, fontSize, rules, PageSideLines) ? gutter : null;
    }

    /// <summary>Rows split into runs: a row that crosses the band, a wide vertical gap or a rule drawn across ends a run.</summary>
    private static List<List<List<Letter>>> Runs(
        IReadOnlyList<List<Letter>> rows, RowOccupancy layout, Band band, double fontSize, DrawnRules rules)
    {
        var runs = new List<List<List<Letter>>>();
        List<List<Letter>>? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var crosses = !layout.IsFree(i, band);
            var apart = i > 0 && (layout.Baseline(i - 1) - layout.Baseline(i) > BlockGapEm * fontSize ||
                rules.Separate(band, layout.Baseline(i), layout.Baseline(i - 1)));
            if (crosses || apart || current is null)
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

    /// <summary>Prose on both sides and no table ruling in the gutter.</summary>
    private static bool IsColumnBlock(
        List<List<Letter>> run, RowOccupancy layout, Band gutter, double fontSize, DrawnRules rules, int minimumLines) =>
        IsProseOnBothSides(run, layout, gutter, fontSize, minimumLines) &&
        !rules.BorderTheGutter(gutter, run.Min(r => r.Min(l => l.BoundingBox.Bottom)), run.Max(r => r.Max(l => l.BoundingBox.Top)));

    private static bool IsProseOnBothSides(List<List<Letter>> run, RowOccupancy layout, Band gutter, double fontSize, int minimumLines)
    {
        var leftWidth = gutter.Start - layout.Left;
        var rightWidth = layout.Right - gutter.End;
        var leftProse = 0;
        var rightProse = 0;
        foreach (var row in run)
        {
            var left = Side(row, gutter, leftSide: true);
            var right = Side(row, gutter, leftSide: false);
            if (IsProseLine(left, leftWidth, fontSize))
            {
                leftProse++;
            }
            if (IsProseLine(right, rightWidth, fontSize))
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

    /// <summary>One run of words (a gap as wide as PdfLineReader's cell gap makes it a table row) filling its column.</summary>
    private static bool IsProseLine(List<Letter> letters, double columnWidth, double fontSize)
    {
        if (letters.Count == 0)
        {
            return false;
        }
        var ordered = letters.OrderBy(l => l.StartBaseLine.X).ToList();
        var words = 1;
        for (var i = 1; i < ordered.Count; i++)
        {
            var gap = ordered[i].StartBaseLine.X - ordered[i - 1].EndBaseLine.X;
            if (gap > PdfLineReader.CellGapEm * fontSize)
            {
                return false;
            }
            if (gap > PdfLineReader.WordGapEm * fontSize)
            {
                words++;
            }
        }
        var extent = letters.Max(l => l.BoundingBox.Right) - letters.Min(l => l.BoundingBox.Left);
        return words >= ProseWords && extent >= ProseFill * columnWidth;
    }
}
