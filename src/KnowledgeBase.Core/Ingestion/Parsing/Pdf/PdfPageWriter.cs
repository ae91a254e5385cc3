namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Writes one page's lines into the document text: a blank line where the vertical gap says a paragraph ends,
/// words split by an end-of-line hyphen joined, and runs of two or more table rows marked as a table.
/// </summary>
internal static class PdfPageWriter
{
    public static void Write(ExtractedTextBuilder builder, IReadOnlyList<PdfLine> lines)
    {
        var texts = lines.Select(l => l.IsTableRow ? l.TableRowText : l.Text).ToList();
        HyphenatedLines.Join(texts, i => !lines[i].IsTableRow && !lines[i + 1].IsTableRow);
        var lineGap = TypicalLineGap(lines);
        var index = 0;
        while (index < lines.Count)
        {
            var tableEnd = index;
            while (tableEnd < lines.Count && lines[tableEnd].IsTableRow)
            {
                tableEnd++;
            }
            if (tableEnd - index >= 2)
            {
                builder.BeginTable();
                for (var row = index; row < tableEnd; row++)
                {
                    builder.AppendLine(texts[row]);
                }
                builder.EndTable();
                index = tableEnd;
                continue;
            }
            if (index > 0 && StartsParagraph(lines[index - 1], lines[index], lineGap))
            {
                builder.AppendParagraphBreak();
            }
            if (texts[index].Length > 0)
            {
                builder.AppendLine(lines[index].IsTableRow ? lines[index].Text : texts[index]);
            }
            index++;
        }
        builder.AppendParagraphBreak();
    }

    /// <summary>"1-3, 7, 9-10" for a sorted list of page numbers.</summary>
    public static string DescribeRanges(IReadOnlyList<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var start = pages[i];
            while (i + 1 < pages.Count && pages[i + 1] == pages[i] + 1)
            {
                i++;
            }
            parts.Add(start == pages[i] ? $"{start}" : $"{start}-{pages[i]}");
        }
        return string.Join(", ", parts);
    }

    private static double TypicalLineGap(IReadOnlyList<PdfLine> lines)
    {
        var gaps = lines.Zip(lines.Skip(1), (a, b) => a.Y - b.Y).Where(g => g > 0).Order().ToArray();
        return gaps.Length == 0 ? 0 : gaps[gaps.Length / 2];
    }

    private static bool StartsParagraph(PdfLine previous, PdfLine current, double lineGap)
    {
        var gap = previous.Y - current.Y;
        return gap > lineGap * 1.4 || gap < 0 || Math.Abs(previous.FontSize - current.FontSize) > 1.5;
    }
}
