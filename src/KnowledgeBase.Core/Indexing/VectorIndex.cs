using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Exact nearest-neighbour search over the chunk vectors stored in the Lucene index (Lucene.Net 4.8 has no vector
/// search, apache/lucenenet#865). Vectors live in the same segments as their chunks, so they commit, roll back and
/// get deleted with them: after a crash the two can never disagree.
/// </summary>
internal sealed class VectorIndex
{
    private readonly ConditionalWeakTable<object, SegmentVectors> _segments = new();

    /// <summary>The k chunks most similar to the unit-length query, as top-level Lucene docs with their cosine.</summary>
    public IReadOnlyList<ScoreDoc> Search(IndexSearcher searcher, float[] query, int k, Query? restriction)
    {
        var allowed = restriction is null ? null : Collect(searcher, restriction);
        var best = new PriorityQueue<ScoreDoc, float>(k + 1);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var vectors = _segments.GetValue(reader.CoreCacheKey, _ => SegmentVectors.Load(reader));
            if (vectors.Count == 0 || vectors.Dimensions != query.Length)
            {
                continue;
            }
            var live = reader.LiveDocs;
            for (var row = 0; row < vectors.Count; row++)
            {
                var doc = vectors.Documents[row];
                if ((live is not null && !live.Get(doc)) || (allowed is not null && !allowed.Get(leaf.DocBase + doc)))
                {
                    continue;
                }
                var score = TensorPrimitives.Dot(query, vectors.Row(row));
                if (best.Count < k)
                {
                    best.Enqueue(new ScoreDoc(leaf.DocBase + doc, score), score);
                }
                else if (score > best.Peek().Score)
                {
                    best.EnqueueDequeue(new ScoreDoc(leaf.DocBase + doc, score), score);
                }
            }
        }
        var hits = new List<ScoreDoc>(best.Count);
        while (best.TryDequeue(out var hit, out _))
        {
            hits.Add(hit);
        }
        hits.Reverse();
        return hits;
    }

    private static FixedBitSet Collect(IndexSearcher searcher, Query restriction)
    {
        var collector = new BitSetCollector(searcher.IndexReader.MaxDoc);
        searcher.Search(restriction, collector);
        return collector.Bits;
    }

    private sealed class BitSetCollector(int maxDoc) : ICollector
    {
        private int _docBase;

        public FixedBitSet Bits { get; } = new(maxDoc);

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => Bits.Set(_docBase + doc);

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
    }
}
