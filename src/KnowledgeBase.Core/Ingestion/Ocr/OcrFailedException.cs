namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>One page could not be read by OCR (engine missing, crashed, timed out); the page stays image-only.</summary>
public sealed class OcrFailedException : Exception
{
    public OcrFailedException(string message)
        : base(message)
    {
    }

    public OcrFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
