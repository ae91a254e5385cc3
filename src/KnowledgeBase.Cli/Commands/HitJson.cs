using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>The JSON shape of a hit, shared by single and batch search; field names are a stable contract.</summary>
internal sealed record HitJson(
    string DocumentId, string Title, string? Identifier, string Source, string? Clause, string HeadingPath,
    int PageStart, int PageEnd, double Score, string Snippet)
{
    public static HitJson From(SearchHit hit) => new(
        hit.DocumentId, hit.Title, hit.Identifier, hit.Source, hit.Clause, hit.HeadingPath,
        hit.PageStart, hit.PageEnd, Math.Round(hit.Score, 4), hit.Snippet);
}
