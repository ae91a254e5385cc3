using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Where each queried term sits in each segment's term dictionary, remembered per segment. A query spans every
/// language's body, heading and title fields (250 term clauses for a sentence), and looking each term up in each
/// segment was half of a BM25 search (search-profile, README "Search speed"), although the words of one query are
/// mostly the words of the last: a term's place and statistics in a segment never change (segments are immutable, and
/// deletions do not change Lucene's statistics), so a hit here scores exactly as a fresh look-up would.
/// </summary>
internal static class TermStateCache
{
    // Bounds the memory of a long-lived service: past this many terms a segment's entries are dropped and re-learned.
    private const int MaxTermsPerSegment = 100_000;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Entry>> BySegmentCore = new();

    /// <summary>
    /// Gives every term query in <paramref name="query"/> (in place, through Boolean clauses) its term's states in
    /// the searcher's segments, from the cache or looked up once, so weighting the query seeks no term again.
    /// </summary>
    public static Query Bind(Query query, IndexSearcher searcher)
    {
        switch (query)
        {
            case TermQuery term:
                return new TermQuery(term.Term, StatesOf(term.Term, searcher.TopReaderContext)) { Boost = term.Boost };
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    clause.Query = Bind(clause.Query, searcher);
                }
                return boolean;
            default:
                return query;
        }
    }

    /// <summary>Forgets every segment's terms, so a benchmark can time searches whose words are new.</summary>
    public static void Clear() => BySegmentCore.Clear();

    private static TermContext StatesOf(Term term, IndexReaderContext top)
    {
        var states = new TermContext(top);
        var key = $"{term.Field}\0{term.Text}";
        foreach (var leaf in top.Leaves)
        {
            var segment = BySegmentCore.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
            if (!segment.TryGetValue(key, out var entry))
            {
                entry = LookUp(leaf.AtomicReader, term);
                if (segment.Count >= MaxTermsPerSegment)
                {
                    segment.Clear();
                }
                segment[key] = entry;
            }
            if (entry.State is not null)
            {
                states.Register(entry.State, leaf.Ord, entry.DocFreq, entry.TotalTermFreq);
            }
        }
        return states;
    }

    private static Entry LookUp(AtomicReader reader, Term term)
    {
        var terms = reader.Fields?.GetTerms(term.Field);
        if (terms is null)
        {
            return Entry.Absent;
        }
        var iterator = terms.GetEnumerator();
        return iterator.SeekExact(term.Bytes)
            ? new Entry(iterator.GetTermState(), iterator.DocFreq, iterator.TotalTermFreq)
            : Entry.Absent;
    }

    private sealed record Entry(TermState? State, int DocFreq, long TotalTermFreq)
    {
        public static Entry Absent { get; } = new(null, 0, 0);
    }
}
