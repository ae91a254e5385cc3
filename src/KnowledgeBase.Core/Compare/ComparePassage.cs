namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Evidence for a cell: a passage with its clause and pages, the snippet HTML-escaped with the matched words in
/// &lt;mark&gt;, its keyword score, and the document's year and language.
/// </summary>
public sealed record ComparePassage(
    string DocumentId,
    string Title,
    string? Clause,
    string HeadingPath,
    int PageStart,
    int PageEnd,
    string Snippet,
    float Score,
    int? Year,
    string? Language)
{
    /// <summary>The original at the passage's first page, as search hits link it.</summary>
    public string Link => $"/api/documents/{DocumentId}/file#page={PageStart}";
}
