using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Documents.Languages;

namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Reads Tesseract's TSV output (level, page, block, paragraph, line, word, left, top, width, height, conf, text) into
/// lines. Words come in reading order, right-to-left lines included, so Arabic ends up in logical order. Chinese
/// characters are joined without the spaces Tesseract puts between them, so the text reads (and is indexed) as
/// printed.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;

    public static OcrPage Parse(int pageNumber, string tsv)
    {
        var lines = new List<OcrLine>();
        var confidences = new List<double>();
        (int Block, int Paragraph, int Line)? current = null;
        var text = new StringBuilder();
        int top = 0, bottom = 0, paragraphOrdinal = 0;
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], out var level) || level != WordLevel)
            {
                continue;
            }
            var word = cells[11].Trim();
            if (word.Length == 0)
            {
                continue;
            }
            var key = (Int(cells[2]), Int(cells[3]), Int(cells[4]));
            if (current != key)
            {
                Flush();
                if (current is null || current.Value.Block != key.Item1 || current.Value.Paragraph != key.Item2)
                {
                    paragraphOrdinal++;
                }
                current = key;
                top = Int(cells[7]);
                bottom = top + Int(cells[9]);
            }
            else if (NeedsSpace(text, word))
            {
                text.Append(' ');
            }
            text.Append(word);
            top = Math.Min(top, Int(cells[7]));
            bottom = Math.Max(bottom, Int(cells[7]) + Int(cells[9]));
            if (double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && confidence >= 0)
            {
                confidences.Add(confidence);
            }
        }
        Flush();
        return new OcrPage(pageNumber, lines, confidences.Count == 0 ? 0 : Math.Round(confidences.Average(), 1));

        void Flush()
        {
            if (text.Length > 0)
            {
                lines.Add(new OcrLine(text.ToString(), paragraphOrdinal, top, bottom - top));
                text.Clear();
            }
        }
    }

    /// <summary>No space between two Han characters (or Han and CJK punctuation): Chinese is written without them.</summary>
    private static bool NeedsSpace(StringBuilder text, string next) =>
        text.Length > 0 && !(IsCjk(text[^1]) && IsCjk(next[0]));

    private static bool IsCjk(char c) => Scripts.IsHan(c) || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF');

    private static int Int(string cell) => int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
