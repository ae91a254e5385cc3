using System.Text.RegularExpressions;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Writes an OCR'd page into the document text the way PdfPageWriter writes a born-digital one: a blank line between
/// Tesseract's paragraphs, a word split by an end-of-line hyphen joined when it continues in lower case.
/// </summary>
internal static partial class OcrPageWriter
{
    public static void Write(ExtractedTextBuilder builder, OcrPage page)
    {
        var texts = page.Lines.Select(l => TextNormalizer.Normalize(l.Text)).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0 && page.Lines[i].Paragraph != page.Lines[i - 1].Paragraph)
            {
                builder.AppendParagraphBreak();
            }
            if (i + 1 < texts.Count && page.Lines[i + 1].Paragraph == page.Lines[i].Paragraph)
            {
                JoinHyphenated(texts, i);
            }
            if (texts[i].Length > 0)
            {
                builder.AppendLine(texts[i]);
            }
        }
        builder.AppendParagraphBreak();
    }

    private static void JoinHyphenated(List<string> texts, int i)
    {
        var next = texts[i + 1];
        if (!HyphenatedEnd().IsMatch(texts[i]) || next.Length == 0 || !char.IsLower(next[0]))
        {
            return;
        }
        var split = next.IndexOf(' ');
        texts[i] = texts[i][..^1] + (split < 0 ? next : next[..split]);
        texts[i + 1] = split < 0 ? "" : next[(split + 1)..];
    }

    [GeneratedRegex(@"\p{Ll}-$")]
    private static partial Regex HyphenatedEnd();
}
