namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>Whether the OCR engines can run here, which Tesseract languages are installed, and if not, why.</summary>
public sealed record OcrAvailability(bool IsAvailable, string Description, IReadOnlySet<string> Languages)
{
    public static OcrAvailability Disabled { get; } =
        new(false, "OCR is switched off (KB__Ocr__Enabled=false)", new HashSet<string>());
}
