namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// What Tesseract read on one page: lines in reading order with a blank line between paragraphs, and the mean word
/// confidence (0–100).
/// </summary>
public sealed record OcrPage(int Number, IReadOnlyList<OcrLine> Lines, double Confidence)
{
    public bool IsEmpty => Lines.Count == 0;
}
