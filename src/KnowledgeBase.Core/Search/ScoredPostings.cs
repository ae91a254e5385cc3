namespace KnowledgeBase.Core.Search;

/// <summary>
/// A clause's matching live documents in each segment of one commit, in document order, with the BM25 score
/// Lucene's scorer gives each for the clause's boost; a segment where it matches nothing has none (null).
/// </summary>
internal sealed class ScoredPostings
{
    public ScoredPostings(int[]?[] docs, float[]?[] scores)
    {
        Docs = docs;
        Scores = scores;
        Count = docs.Sum(d => (long)(d?.Length ?? 0));
    }

    /// <summary>A clause that matches in no segment (a term none holds): it scores nothing.</summary>
    public static ScoredPostings Absent { get; } = new([], []);

    /// <summary>The documents by segment ordinal.</summary>
    public int[]?[] Docs { get; }

    /// <summary>The score of each of those documents, by segment ordinal.</summary>
    public float[]?[] Scores { get; }

    /// <summary>How many documents in all.</summary>
    public long Count { get; }
}
