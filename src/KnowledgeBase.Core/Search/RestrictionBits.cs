using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The live documents a restriction matches in each segment of a commit (null where none), kept for the commit. A
/// commit meets few restrictions: the superseded editions every search leaves out by default, and a page's filters
/// (type, region, years). Matching one again for every search cost a term seek per edition left out and a pass over
/// every passage, and was an eighth of what a search allocated. Both the keyword and the dense search read them; the
/// bitsets are only read once made.
/// </summary>
internal static class RestrictionBits
{
    /// <summary>Restrictions kept per commit; each is a bit per document.</summary>
    private const int RestrictionsPerCommit = 256;

    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<Query, FixedBitSet?[]>> AllowedByCommit = new();

    /// <summary>One entry per segment of the searcher's commit, in leaf order.</summary>
    public static FixedBitSet?[] PerSegment(IndexSearcher searcher, Query restriction)
    {
        var byRestriction = AllowedByCommit.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<Query, FixedBitSet?[]>());
        if (byRestriction.TryGetValue(restriction, out var allowed))
        {
            return allowed;
        }
        var weight = searcher.CreateNormalizedWeight(restriction);
        allowed = [.. searcher.IndexReader.Leaves.Select(leaf => Allowed(weight, leaf))];
        if (byRestriction.Count >= RestrictionsPerCommit)
        {
            byRestriction.Clear(); // simple, and rare: only a crawler tries hundreds of filter combinations
        }
        byRestriction[restriction] = allowed;
        return allowed;
    }

    /// <summary>The segment's live documents the restriction matches; null when none does.</summary>
    private static FixedBitSet? Allowed(Weight restriction, AtomicReaderContext leaf)
    {
        var scorer = restriction.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        if (scorer is null)
        {
            return null;
        }
        var allowed = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            allowed.Set(doc);
        }
        return allowed;
    }
}
