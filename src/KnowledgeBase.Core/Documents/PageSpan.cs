namespace KnowledgeBase.Core.Documents;

/// <summary>One page's slice of the extracted text. An image-only page has no text and waits for OCR.</summary>
public sealed record PageSpan(int Number, int Start, int End, bool IsImageOnly = false);
