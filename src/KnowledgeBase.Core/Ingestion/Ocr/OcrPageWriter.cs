using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Writes an OCR'd page into the document text the way PdfPageWriter writes a born-digital one: a blank line between
/// Tesseract's paragraphs, a word split by an end-of-line hyphen joined within a paragraph.
/// </summary>
internal static class OcrPageWriter
{
    public static void Write(ExtractedTextBuilder builder, OcrPage page)
    {
        var texts = page.Lines.Select(l => TextNormalizer.Normalize(l.Text)).ToList();
        HyphenatedLines.Join(texts, i => page.Lines[i + 1].Paragraph == page.Lines[i].Paragraph);
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0 && page.Lines[i].Paragraph != page.Lines[i - 1].Paragraph)
            {
                builder.AppendParagraphBreak();
            }
            if (texts[i].Length > 0)
            {
                builder.AppendLine(texts[i]);
            }
        }
        builder.AppendParagraphBreak();
    }
}
