namespace KnowledgeBase.Core.Search;

/// <summary>
/// One ranked passage. Snippet is HTML-escaped text with the matched terms wrapped in &lt;mark&gt;, so it can be
/// shown on a page as it is.
/// </summary>
public sealed record SearchHit(
    string DocumentId,
    string Title,
    string? Identifier,
    string Source,
    string? Clause,
    string HeadingPath,
    int PageStart,
    int PageEnd,
    float Score,
    string Snippet,
    int ChunkOrdinal)
{
    /// <summary>The passage's plain text as indexed, for answers that quote it.</summary>
    public string Text { get; init; } = "";
}
