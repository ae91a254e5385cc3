namespace KnowledgeBase.Core.Answers;

/// <summary>
/// A numbered source passage: <see cref="Marker"/> is the n of the [n] markers in the answer text, and
/// <see cref="Link"/> opens the document's file at the passage's first page.
/// </summary>
public sealed record Citation(
    int Marker,
    string DocumentId,
    string Title,
    string Source,
    string? Identifier,
    string? Clause,
    string HeadingPath,
    int PageStart,
    int PageEnd,
    string Passage)
{
    public string Link => $"/api/documents/{Uri.EscapeDataString(DocumentId)}/file#page={PageStart}";
}
