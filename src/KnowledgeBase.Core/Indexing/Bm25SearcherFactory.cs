using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Makes each commit's searcher score with BM25, as the index was written: set once when the searcher is made, so a
/// search neither allocates a similarity nor writes to a searcher that other searches share.
/// </summary>
internal sealed class Bm25SearcherFactory : SearcherFactory
{
    private static readonly Similarity Bm25 = new BM25Similarity();

    public static Bm25SearcherFactory Instance { get; } = new();

    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
}
