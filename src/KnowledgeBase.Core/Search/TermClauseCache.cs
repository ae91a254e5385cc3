using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The scored postings of a question's clauses, one cache per commit and similarity, for <see cref="TermAtATimeSearch"/>.
/// Questions share most of their words ("security", "incident", "national"), and each word is some 30 clauses (body,
/// heading and title of every language), most of them in no field at all: a clause seen before costs a dictionary
/// look-up instead of term seeks, postings decoding and a BM25 score per document. A term found nowhere is kept too.
/// Other clauses (a quoted phrase in each field, "every passage without malware") are kept by the query itself: a
/// phrase's weight seeks each of its terms in every segment and its scorer reads their positions, on every search.
/// <para>
/// Scores depend on the whole commit (document frequencies, field lengths, deletions), so the cache belongs to the
/// searcher's top-level reader: a new commit starts empty, and the old cache goes when its reader is collected.
/// Memory is bounded by <see cref="Capacity"/>; when it is full the cache starts over (a fresh generation), which is
/// simple, takes no lock, and with a commit now and then happens rarely anyway.
/// </para>
/// </summary>
internal sealed class TermClauseCache
{
    /// <summary>
    /// Postings held, entries counted as <see cref="EntryCost"/> postings each: 8 million, some 64 MB. Every term of the
    /// whole shared corpus's searched fields (57,066 terms, 889,303 postings) counts 2.3 million, and 506 varied
    /// questions (most of their clauses absent terms) counted 2.3 million too: so a corpus of that size keeps its
    /// whole vocabulary and a few thousand questions' absent terms before the cache starts over.
    /// </summary>
    public const long DefaultCapacity = 8_000_000;

    /// <summary>
    /// What an entry costs besides its postings, in postings (8 bytes): its term, key, dictionary node and arrays. The
    /// 71,792 clauses of 506 varied questions held 561,449 postings in 18.2 MB of heap, some 190 bytes an entry besides.
    /// </summary>
    internal const long EntryCost = 24;

    private static readonly ConditionalWeakTable<IndexReader, ConditionalWeakTable<Similarity, TermClauseCache>> ByCommit = new();

    private Generation _current = new();

    public TermClauseCache(IndexReader reader, Similarity similarity, long capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Reader = reader;
        Similarity = similarity;
        Capacity = capacity;
    }

    /// <summary>The commit whose scores the cache holds.</summary>
    public IndexReader Reader { get; }

    /// <summary>The similarity that scored them.</summary>
    public Similarity Similarity { get; }

    /// <summary>The most postings held at once, entries counted as <see cref="EntryCost"/> postings each.</summary>
    public long Capacity { get; }

    /// <summary>Postings held now, entries included as in <see cref="Capacity"/>.</summary>
    public long Held => Volatile.Read(ref _current).Held;

    /// <summary>Clauses held now (absent terms included).</summary>
    public int Count => Volatile.Read(ref _current).Entries.Count;

    /// <summary>The cache of the searcher's commit and similarity.</summary>
    public static TermClauseCache For(IndexSearcher searcher)
    {
        var bySimilarity = ByCommit.GetValue(searcher.IndexReader, static _ => new ConditionalWeakTable<Similarity, TermClauseCache>());
        return bySimilarity.TryGetValue(searcher.Similarity, out var cache) ? cache : Create(bySimilarity, searcher.IndexReader, searcher.Similarity);

        // Apart, so that the closure is made only for a commit's first search.
        static TermClauseCache Create(ConditionalWeakTable<Similarity, TermClauseCache> bySimilarity, IndexReader reader, Similarity similarity) =>
            bySimilarity.GetValue(similarity, s => new TermClauseCache(reader, s));
    }

    /// <summary>Drops every clause held, so the next search starts cold (benchmarks measure both).</summary>
    public void Clear() => Volatile.Write(ref _current, new Generation());

    public bool TryGet(Term term, float boost, [MaybeNullWhen(false)] out ScoredPostings postings) =>
        Volatile.Read(ref _current).Entries.TryGetValue(new ClauseKey(term, boost, null), out postings);

    /// <summary>A clause other than a term's, by the query's value (its terms, positions, boost …).</summary>
    public bool TryGet(Query clause, [MaybeNullWhen(false)] out ScoredPostings postings) =>
        Volatile.Read(ref _current).Entries.TryGetValue(new ClauseKey(null, 0, clause), out postings);

    /// <summary>Keeps the clause's postings, unless they alone exceed the capacity.</summary>
    public void Add(Term term, float boost, ScoredPostings postings) =>
        // A copy: the key must not change if the query's term bytes are ever reused.
        Add(new ClauseKey(new Term(term.Field, BytesRef.DeepCopyOf(term.Bytes)), boost, null), postings);

    /// <summary>Keeps another clause's postings, under a copy of the query (its boost must not change in the key).</summary>
    public void Add(Query clause, ScoredPostings postings) => Add(new ClauseKey(null, 0, (Query)clause.Clone()), postings);

    private void Add(ClauseKey key, ScoredPostings postings)
    {
        var cost = postings.Count + EntryCost;
        if (cost > Capacity)
        {
            return;
        }
        while (true)
        {
            var generation = Volatile.Read(ref _current);
            if (Interlocked.Add(ref generation.Held, cost) <= Capacity)
            {
                generation.Entries.TryAdd(key, postings);
                return;
            }
            // Full: one thread starts a fresh generation, and every thread then adds there. The old one is collected
            // once the searches reading it are done.
            Interlocked.CompareExchange(ref _current, new Generation(), generation);
        }
    }

    /// <summary>
    /// A term clause: the term and its boost (a boost scales every score of the clause); or any other clause, by the
    /// query's own equality (Lucene's queries compare by value, boost included).
    /// </summary>
    private readonly record struct ClauseKey(Term? Term, float Boost, Query? Other);

    private sealed class Generation
    {
        // Sized for some 8,000 clauses from the start (its buckets, 64 KB, stay off the large object heap): growing
        // the table took every stripe's lock again and again while a fresh commit's cache filled.
        public readonly ConcurrentDictionary<ClauseKey, ScoredPostings> Entries = new(Environment.ProcessorCount, 1 << 13);
        public long Held;
    }
}
