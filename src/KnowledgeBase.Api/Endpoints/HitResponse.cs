using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// One passage. Snippet is HTML-escaped with the matched terms in &lt;mark&gt;; Link opens the original at the
/// passage's first page (a PDF viewer honours #page=N).
/// </summary>
internal sealed record HitResponse(
    string DocumentId,
    string Title,
    string? Identifier,
    string? Type,
    string? Language,
    string? Clause,
    string HeadingPath,
    int PageStart,
    int PageEnd,
    string Snippet,
    double Score,
    string Link,
    string Document)
{
    public static HitResponse From(SearchHit hit, DocumentRecord? record) => new(
        hit.DocumentId,
        hit.Title,
        hit.Identifier,
        record?.Metadata.Type,
        record?.Language,
        hit.Clause,
        hit.HeadingPath,
        hit.PageStart,
        hit.PageEnd,
        hit.Snippet,
        Math.Round(hit.Score, 4),
        $"/api/documents/{hit.DocumentId}/file#page={hit.PageStart}",
        $"/api/documents/{hit.DocumentId}");
}
