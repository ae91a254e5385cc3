namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>One recognised line; <see cref="Top"/> and <see cref="Height"/> are in pixels from the top of the image.</summary>
public sealed record OcrLine(string Text, int Paragraph, int Top, int Height);
