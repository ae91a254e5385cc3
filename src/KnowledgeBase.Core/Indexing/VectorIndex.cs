using System.Runtime.CompilerServices;
using KnowledgeBase.Core.Indexing.Vectors;
using KnowledgeBase.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Exact nearest-neighbour search over the chunk vectors stored in the Lucene index (Lucene.Net 4.8 has no vector
/// search, apache/lucenenet#865): an int8 scan of every segment, the best candidates re-scored with their floats. Vectors live in the same segments as their chunks, so they commit, roll back and
/// get deleted with them: after a crash the two can never disagree.
/// </summary>
internal sealed class VectorIndex
{
    private readonly ConditionalWeakTable<object, SegmentVectors> _segments = new();

    /// <summary>The k chunks most similar to the query, as top-level Lucene docs with their cosine.</summary>
    public IReadOnlyList<ScoreDoc> Search(IndexSearcher searcher, float[] query, int k, Query? restriction)
    {
        var allowed = restriction is null ? null : RestrictionBits.PerSegment(searcher, restriction);
        var segments = searcher.IndexReader.Leaves
            .Select(leaf => (Leaf: leaf, Vectors: Of(leaf.AtomicReader)))
            .Where(s => s.Vectors.Documents.Length > 0 && s.Vectors.Block.Dimensions == query.Length)
            .ToList();
        bool Accept(int block, int row)
        {
            var (leaf, vectors) = segments[block];
            var doc = vectors.Documents[row];
            // The restriction's bits hold live passages only.
            return allowed is null ? leaf.AtomicReader.LiveDocs is not { } live || live.Get(doc) : allowed[leaf.Ord]?.Get(doc) == true;
        }
        // Deep lists (a thousand candidates for fusion and facets) need no extra int8 candidates: the tail order barely matters.
        var hits = DenseScanner.Search(query, segments.Select(s => s.Vectors.Block).ToList(), k, Accept, rescoreFactor: k > 100 ? 1 : 4);
        return hits.Select(h => new ScoreDoc(segments[h.BlockIndex].Leaf.DocBase + segments[h.BlockIndex].Vectors.Documents[h.Row], h.Score)).ToList();
    }

    /// <summary>
    /// Loads the vectors of every segment of <paramref name="reader"/> not loaded yet. The service calls it on the
    /// writer thread before a commit's searcher is published: otherwise the first searches after a commit or a merge
    /// each read the new segment's vectors at once (the table can run the loader on every thread that misses), on
    /// the cores searches need.
    /// </summary>
    public void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            Of(leaf.AtomicReader);
        }
    }

    /// <summary>Whether the segment's vectors are loaded (for tests of warming).</summary>
    internal bool IsLoaded(AtomicReader segment) => _segments.TryGetValue(segment.CoreCacheKey, out _);

    private SegmentVectors Of(AtomicReader segment) => _segments.GetValue(segment.CoreCacheKey, _ => SegmentVectors.Load(segment));
}
