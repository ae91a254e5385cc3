using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Makes each commit's searcher score with BM25, as the index was written: set once when the searcher is made, so a
/// search neither allocates a similarity nor writes to a searcher that other searches share. With a
/// <paramref name="warm"/> step it also prepares what searches read per segment before the searcher is published.
/// </summary>
internal sealed class Bm25SearcherFactory(Action<IndexReader>? warm = null) : SearcherFactory
{
    private static readonly Similarity Bm25 = new BM25Similarity();

    /// <summary>No warming: a reader that opens once (`kb search`) loads only what its one search needs.</summary>
    public static Bm25SearcherFactory Instance { get; } = new();

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        warm?.Invoke(reader);
        return new IndexSearcher(reader) { Similarity = Bm25 };
    }
}
