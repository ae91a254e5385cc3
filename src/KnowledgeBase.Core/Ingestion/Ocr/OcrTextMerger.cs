using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Puts OCR'd pages into an extracted document: each read page gets its text in place, in page order, is no longer
/// image-only and carries its mean confidence; the other pages keep their text, and table and heading offsets move
/// with the text they mark.
/// </summary>
internal static class OcrTextMerger
{
    public static ExtractedDocument Merge(ExtractedDocument document, IReadOnlyDictionary<int, OcrPage> read, IEnumerable<string> warnings)
    {
        var builder = new ExtractedTextBuilder();
        var shifts = new List<(PageSpan Old, int NewStart)>();
        var confidences = new Dictionary<int, double>();
        foreach (var page in document.Pages)
        {
            if (read.TryGetValue(page.Number, out var ocr) && !ocr.IsEmpty)
            {
                builder.StartPage(page.Number);
                OcrPageWriter.Write(builder, ocr);
                confidences[page.Number] = ocr.Confidence;
                continue;
            }
            builder.StartPage(page.Number, page.IsImageOnly);
            shifts.Add((page, builder.Length));
            builder.AppendVerbatim(document.Text[page.Start..page.End]);
        }
        foreach (var warning in document.Warnings.Concat(warnings))
        {
            builder.Warn(warning);
        }
        var merged = builder.Build(document.MediaType, document.Title);
        return merged with
        {
            Pages = merged.Pages.Select(p => confidences.TryGetValue(p.Number, out var c) ? p with { OcrConfidence = c } : p).ToArray(),
            Tables = document.Tables.Select(t => new TextSpan(Move(t.Start, shifts), Move(t.End, shifts))).ToArray(),
            Headings = document.Headings.Select(h => h with { Offset = Move(h.Offset, shifts) }).ToArray(),
        };
    }

    private static int Move(int offset, List<(PageSpan Old, int NewStart)> shifts)
    {
        foreach (var (old, newStart) in shifts)
        {
            if (offset >= old.Start && offset <= old.End)
            {
                return offset - old.Start + newStart;
            }
        }
        return offset;
    }
}
