namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>The lines of one page with the page height, for locating headers and footers.</summary>
internal sealed record PageLines(IReadOnlyList<PdfLine> Lines, double Height, bool HasImages);
