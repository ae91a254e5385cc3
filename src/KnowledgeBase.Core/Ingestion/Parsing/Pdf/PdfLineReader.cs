using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents.Languages;
using UglyToad.PdfPig.Content;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Turns a page's glyphs into lines in reading order (top to bottom, left to right; a two-column page column by
/// column, see <see cref="ColumnLayout"/>), with word gaps, table cells and
/// letter-spaced headings ("I n t e r n a t i o n a l") resolved from the glyph positions rather than the text.
/// Right-to-left text (Arabic, Hebrew) comes out in logical order: PdfPig reports glyphs by position, which for those
/// scripts is the reverse of reading order (PdfPig issue 594).
/// </summary>
internal static partial class PdfLineReader
{
    // Gaps are measured in ems of the glyph's font size; ColumnLayout tells prose from table rows by the same gaps.
    internal const double WordGapEm = 0.12;
    internal const double CellGapEm = 1.6;

    public static IReadOnlyList<PdfLine> ReadLines(Page page)
    {
        var glyphs = page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value))
            .ToList();
        var lines = new List<PdfLine>();
        var rows = GroupIntoRows(glyphs).ToList();
        foreach (var row in ColumnLayout.InReadingOrder(rows, Median(glyphs.Select(SizeOf)), DrawnRules.Of(page)))
        {
            var line = BuildLine(row);
            if (line is not null)
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>Clusters glyphs whose baselines lie within a fraction of their height of each other.</summary>
    private static IEnumerable<List<Letter>> GroupIntoRows(List<Letter> glyphs)
    {
        var rows = new List<(double Y, double Tolerance, List<Letter> Letters)>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.StartBaseLine.Y))
        {
            var y = glyph.StartBaseLine.Y;
            var tolerance = Math.Max(1.0, SizeOf(glyph) * 0.35);
            var index = rows.FindLastIndex(r => Math.Abs(r.Y - y) <= Math.Max(r.Tolerance, tolerance));
            if (index >= 0 && index >= rows.Count - 3)
            {
                rows[index].Letters.Add(glyph);
            }
            else
            {
                rows.Add((y, tolerance, [glyph]));
            }
        }
        return rows.Select(r => r.Letters);
    }

    private static PdfLine? BuildLine(List<Letter> row)
    {
        row.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        var fontSize = Median(row.Select(SizeOf));
        var words = new List<Word>();
        Letter? previous = null;
        foreach (var glyph in row)
        {
            var text = TextNormalizer.NormalizeGlyph(glyph.Value);
            if (text.Length == 0)
            {
                continue;
            }
            // Gaps between advance boxes, not glyph outlines: a narrow "1" must not look like a word break.
            var gap = previous is null ? 0 : glyph.StartBaseLine.X - previous.EndBaseLine.X;
            // Overprinted glyphs (fake bold) repeat the same char at almost the same place.
            if (previous is not null && gap < -0.5 * previous.BoundingBox.Width && previous.Value == glyph.Value)
            {
                continue;
            }
            if (previous is null || gap > WordGapEm * fontSize)
            {
                words.Add(new Word(new StringBuilder(text), [text], gap));
            }
            else
            {
                words[^1].Append(text);
            }
            previous = glyph;
        }
        if (words.Count == 0)
        {
            return null;
        }
        CollapseLetterSpacing(words, fontSize);
        var cells = SplitCells(words, fontSize);
        var height = row.Max(g => g.BoundingBox.Top) - row.Min(g => g.BoundingBox.Bottom);
        return new PdfLine(cells, row.Average(g => g.StartBaseLine.Y), height, fontSize);
    }

    /// <summary>
    /// A run of one-letter words is letter-spaced text: letters are joined where the gap is close to the run's
    /// usual letter gap and split where it is clearly wider, which is where the real word breaks are. A gap as
    /// wide as a table column never joins: "a | b | c" cells are not a spaced word.
    /// </summary>
    private static void CollapseLetterSpacing(List<Word> words, double fontSize)
    {
        var start = 0;
        while (start < words.Count)
        {
            var end = start;
            while (end < words.Count && words[end].Text.Length == 1 && char.IsLetterOrDigit(words[end].Text[0]))
            {
                end++;
            }
            if (end - start >= 3)
            {
                var letterGap = Median(Enumerable.Range(start + 1, end - start - 1).Select(i => words[i].GapBefore));
                for (var i = end - 1; i > start; i--)
                {
                    if (words[i].GapBefore < letterGap * 1.5 && words[i].GapBefore <= CellGapEm * fontSize)
                    {
                        words[i - 1].Append(words[i]);
                        words.RemoveAt(i);
                        end--;
                    }
                }
            }
            start = end + 1;
        }
    }

    /// <summary>
    /// Splits a line at gaps wider than a few spaces into table cells, except the one gap after a clause number or
    /// a bullet ("6.2 ⟶ Title", "• ⟶ item"), which is layout, not a column. Cells of a right-to-left line are read
    /// from the right, like its words.
    /// </summary>
    private static List<string> SplitCells(List<Word> words, double fontSize)
    {
        var cells = new List<List<Word>> { new() { words[0] } };
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].GapBefore > CellGapEm * fontSize)
            {
                cells.Add([words[i]]);
            }
            else
            {
                cells[^1].Add(words[i]);
            }
        }
        var texts = cells.Select(c => VisualOrderText.ToLogical(c.Select(w => w.Glyphs).ToList())).ToList();
        if (VisualOrderText.IsMostlyRightToLeft(texts))
        {
            texts.Reverse();
        }
        if (texts.Count == 2 && LabelPattern().IsMatch(texts[0]))
        {
            return [texts[0] + " " + texts[1]];
        }
        return texts;
    }

    private static double SizeOf(Letter letter) =>
        letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    // Clause numbers (6, 6.2, A.1, I.2.3), annex labels, list labels (a), 1), iv)) and bullets.
    [GeneratedRegex(@"^(\d{1,2}(\.\d{1,3})*\.?|[A-Z](\.\d{1,3})+|[IVX]+\.\d{1,3}(\.\d{1,3})*|\(?[a-z0-9]{1,3}\)|[•●▪■◦○\-–—*]|(Annex|Appendix|Table|Figure|ANNEX|APPENDIX)\s+\S+)$")]
    private static partial Regex LabelPattern();

    /// <summary>A word in visual order; its glyph texts are kept apart so right-to-left words can be reversed by glyph.</summary>
    private sealed record Word(StringBuilder Text, List<string> Glyphs, double GapBefore)
    {
        public void Append(string glyph)
        {
            Text.Append(glyph);
            Glyphs.Add(glyph);
        }

        public void Append(Word other)
        {
            Text.Append(other.Text);
            Glyphs.AddRange(other.Glyphs);
        }
    }
}
