using BitFaster.Caching.Lru;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The shown fields of passages a search has shown, for the next search that shows them: result pages repeat the same
/// clauses across questions, and reading a page's passages (decompressing their block, decoding each field into a new
/// byte array and string) was a quarter of a warm bm25 search's CPU and an eighth of what it allocated. Keyed as
/// <see cref="AnalysedPassageCache"/> (<see cref="SegmentCoreIds"/>: a key never meets other text), in the same kind
/// of LRU.
/// </summary>
internal sealed class ShownPassageCache(int capacity = ShownPassageCache.Capacity)
{
    /// <summary>
    /// 4,096 passages. A passage held costs ≈6.3 KB (its text twice, as stored and on one line, and its other fields:
    /// `snippet-cache` measures 26.6 MB of heap held for 2,773 shown passages beside 2,749 analysed ones, which count
    /// ≈9 MB), so the cache holds ≈26 MB at most: the passages of both benchmark lists' pages (1,034 and 2,773).
    /// </summary>
    public const int Capacity = 4096;

    private readonly ConcurrentLru<(long Core, int Doc), ShownPassage> _passages = new(capacity);
    private readonly SegmentCoreIds _cores = new();

    /// <summary>The cache every search of the process shares: keys are unique across indexes and readers.</summary>
    public static ShownPassageCache Shared { get; } = new();

    public int Count => _passages.Count;

    public void Clear() => _passages.Clear();

    /// <summary>The shown fields of passage <paramref name="doc"/> of the searcher's reader: read the first time, remembered after.</summary>
    public ShownPassage Get(IndexSearcher searcher, int doc)
    {
        var key = _cores.KeyOf(searcher.IndexReader, doc);
        if (_passages.TryGet(key, out var passage))
        {
            return passage;
        }
        passage = Read(searcher, doc);
        _passages.AddOrUpdate(key, passage);
        return passage;
    }

    /// <summary>The shown fields of passage <paramref name="doc"/>, read from the index now.</summary>
    public static ShownPassage Read(IndexSearcher searcher, int doc)
    {
        var visitor = new PageFieldsVisitor();
        searcher.Doc(doc, visitor);
        return ShownPassage.Of(visitor.Document);
    }
}
