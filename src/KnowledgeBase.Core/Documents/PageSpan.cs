using System.Text.Json.Serialization;

namespace KnowledgeBase.Core.Documents;

/// <summary>
/// One page's slice of the extracted text. An image-only page has no text (no OCR engine, OCR off, past the page
/// limit). A page read by OCR carries Tesseract's mean word confidence (0–100); its text came from the image, not the
/// PDF's text layer.
/// </summary>
public sealed record PageSpan(int Number, int Start, int End, bool IsImageOnly = false, double? OcrConfidence = null)
{
    [JsonIgnore]
    public bool IsOcr => OcrConfidence is not null;
}
