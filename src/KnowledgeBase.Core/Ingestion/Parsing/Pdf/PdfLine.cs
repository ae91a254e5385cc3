namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// One text line of a PDF page. Cells holds the line split at wide horizontal gaps: a single cell for ordinary
/// text, several for a table row. Y is the baseline, measured from the bottom of the page.
/// </summary>
internal sealed record PdfLine(IReadOnlyList<string> Cells, double Y, double Height, double FontSize)
{
    public string Text => string.Join(" ", Cells);

    public bool IsTableRow => Cells.Count >= 2;

    public string TableRowText => string.Join(" | ", Cells);
}
