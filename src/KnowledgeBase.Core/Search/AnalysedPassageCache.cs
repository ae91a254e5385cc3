using BitFaster.Caching.Lru;
using Lucene.Net.Analysis;
using Lucene.Net.Index;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Analysed passages kept for the next search that shows them: the guidance people look for clusters on the same
/// clauses, and re-analysing a passage (tokenizer, lower-casing, stop words, stemmer) was most of a snippet's cost.
/// A passage is keyed by its segment's core and its number there (<see cref="SegmentCoreIds"/>). Bounded by
/// <see cref="Capacity"/> passages in a 2Q-like LRU (BitFaster's ConcurrentLru: lock-free reads, no background
/// thread); segments merged away simply age out.
/// </summary>
internal sealed class AnalysedPassageCache
{
    /// <summary>
    /// 8,192 passages. A passage held costs ≈3.8 KB (147 tokens on average in the shared corpus; measured by
    /// `snippet-cache`), so the cache holds ≈32 MB at most: little beside the index, yet room for every passage of the
    /// shared corpus (7,245) and several times the pages of both benchmark lists (1,034 and 2,749 distinct passages).
    /// A larger collection keeps its most shown passages, which is where repeated questions land.
    /// </summary>
    public const int Capacity = 8192;

    private readonly ConcurrentLru<PassageKey, AnalysedPassage> _passages;
    private readonly SegmentCoreIds _cores = new();

    public AnalysedPassageCache(int capacity = Capacity) => _passages = new ConcurrentLru<PassageKey, AnalysedPassage>(capacity);

    /// <summary>
    /// The cache every search of the process shares: keys are unique across indexes and readers, and every index
    /// analyses its passages with the same analyzers (IndexAnalyzers), so a passage's tokens do not depend on who asks.
    /// </summary>
    public static AnalysedPassageCache Shared { get; } = new();

    public int Count => _passages.Count;

    /// <summary>The tokens of the passages held.</summary>
    public long TokenCount => _passages.Sum(p => (long)p.Value.TokenCount);

    /// <summary>The memory the passages held take, roughly (<see cref="AnalysedPassage.Bytes"/>).</summary>
    public long Bytes => _passages.Sum(p => p.Value.Bytes);

    /// <summary>
    /// The tokens of passage <paramref name="doc"/> of <paramref name="reader"/> (a top-level document number) in
    /// <paramref name="field"/>, whose text is <paramref name="text"/>: analysed the first time, remembered after.
    /// </summary>
    public AnalysedPassage Get(IndexReader reader, int doc, string field, Analyzer analyzer, string text)
    {
        var (core, docInSegment) = _cores.KeyOf(reader, doc);
        var key = new PassageKey(core, docInSegment, field);
        if (_passages.TryGet(key, out var passage))
        {
            return passage;
        }
        passage = AnalysedPassage.Analyse(analyzer, field, text);
        _passages.AddOrUpdate(key, passage);
        return passage;
    }

    public void Clear() => _passages.Clear();

    /// <summary>A passage: its segment core's number in this cache, its number in the segment, the field it is analysed for.</summary>
    private readonly record struct PassageKey(long Core, int Doc, string Field);
}
