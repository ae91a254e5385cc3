namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>
/// A relevant answer to a query: a file (by name) and, where it matters, a clause; Relevance 2 is the best answer,
/// 1 also relevant. A hit matches when its file name is the same and its clause is the clause or inside it.
/// </summary>
public sealed record Judgment(string File, string? Clause, int Relevance)
{
    public bool Matches(SearchHit hit)
    {
        if (!string.Equals(Path.GetFileName(hit.Source), File, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return Clause is null
            || string.Equals(hit.Clause, Clause, StringComparison.OrdinalIgnoreCase)
            || (hit.Clause?.StartsWith(Clause + ".", StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
