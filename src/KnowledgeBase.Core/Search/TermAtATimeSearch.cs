using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// BM25 top-k of a disjunction (<see cref="DisjunctionFlattener"/>), scored one clause at a time into a score per
/// document: the same hits, in the same order and with the same scores, as Lucene's BooleanScorer gives for a
/// Boolean query of those clauses (it too adds the clauses' scores in clause order, in double precision).
/// <para>
/// Why not Lucene's own scorer: a question becomes some 300 term clauses (each word in the body, heading and title
/// field of every language), most of them absent from most fields. Lucene.Net 4.8 builds each clause's weight with a
/// fresh terms enumerator per segment and field statistics merged across segments each time: a first version of
/// this class that still built Lucene's weights spent 3.2 of its 3.9 ms a query on them (506 queries over the whole
/// corpus), and the nested Boolean scorers cost as much again. Here each field's terms are looked up in index order
/// with one enumerator per segment, kept per thread (<see cref="ThreadTermsEnums"/>), and each field's statistics
/// are read once per commit. Each clause's scored postings are then kept for the commit (<see cref="TermClauseCache"/>),
/// so a word or quoted phrase that an earlier question held costs a dictionary look-up.
/// </para>
/// </summary>
internal static class TermAtATimeSearch
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, CollectionStatistics>> StatisticsByReader = new();

    /// <summary>
    /// The best <paramref name="depth"/> documents of a flat disjunction, best first, ties by document order; only
    /// those <paramref name="restriction"/> matches, when given (it restricts, it does not score). Term clauses are
    /// scored from <paramref name="cache"/>, by default the searcher's commit's.
    /// </summary>
    public static TopDocs Search(IndexSearcher searcher, IReadOnlyList<Query> disjunction, int depth, Query? restriction = null, TermClauseCache? cache = null)
    {
        cache ??= TermClauseCache.For(searcher);
        if (!ReferenceEquals(cache.Reader, searcher.IndexReader) || !ReferenceEquals(cache.Similarity, searcher.Similarity))
        {
            throw new ArgumentException("The term cache holds another commit's or another similarity's scores.", nameof(cache));
        }
        var clauses = Weigh(searcher, disjunction, cache);
        var allowed = restriction is null ? null : RestrictionBits.PerSegment(searcher, restriction);
        var best = new TopHits(depth);
        var totalHits = 0;
        var leaves = searcher.IndexReader.Leaves;
        for (var i = 0; i < leaves.Count; i++)
        {
            var filter = allowed?[i];
            if (filter is null && allowed is not null)
            {
                continue; // nothing in this segment passes the filters
            }
            totalHits += ScoreLeaf(leaves[i], clauses, filter, best);
        }
        return best.ToTopDocs(totalHits);
    }

    /// <summary>
    /// The clauses' scored postings in their order, from the cache; term clauses it lacks are looked up together (in
    /// index order) and scored, other clauses scored by Lucene's own weight, and the cache keeps them. Clauses that
    /// match nowhere are left out: Lucene gives them no scorer.
    /// </summary>
    private static List<ScoredPostings> Weigh(IndexSearcher searcher, IReadOnlyList<Query> disjunction, TermClauseCache cache)
    {
        var clauses = new ScoredPostings?[disjunction.Count];
        List<int>? missed = null;
        for (var i = 0; i < disjunction.Count; i++)
        {
            if (disjunction[i] is not TermQuery termQuery)
            {
                if (!cache.TryGet(disjunction[i], out var other))
                {
                    other = Score(searcher, disjunction[i]);
                    cache.Add(disjunction[i], other);
                }
                clauses[i] = other;
            }
            else if (cache.TryGet(termQuery.Term, termQuery.Boost, out var postings))
            {
                clauses[i] = postings;
            }
            else
            {
                (missed ??= []).Add(i);
            }
        }
        if (missed is not null)
        {
            var found = LookUp(searcher.IndexReader, missed.Select(i => ((TermQuery)disjunction[i]).Term));
            var reuse = new DocsEnum?[searcher.IndexReader.Leaves.Count];
            foreach (var i in missed)
            {
                var termQuery = (TermQuery)disjunction[i];
                // The same term and boost twice in one question is scored once.
                if (!cache.TryGet(termQuery.Term, termQuery.Boost, out var postings))
                {
                    postings = found.TryGetValue(termQuery.Term, out var statistics)
                        ? Score(searcher, termQuery, statistics.States, statistics.Term, reuse)
                        : ScoredPostings.Absent;
                    cache.Add(termQuery.Term, termQuery.Boost, postings);
                }
                clauses[i] = postings;
            }
        }
        var ready = new List<ScoredPostings>(disjunction.Count);
        foreach (var clause in clauses)
        {
            if (!ReferenceEquals(clause, ScoredPostings.Absent))
            {
                ready.Add(clause!);
            }
        }
        return ready;
    }

    /// <summary>
    /// Any other clause's live documents per segment and their scores, from Lucene's own scorer for it: the scores
    /// it would have added one by one.
    /// </summary>
    private static ScoredPostings Score(IndexSearcher searcher, Query clause)
    {
        var weight = searcher.CreateNormalizedWeight(clause);
        var leaves = searcher.IndexReader.Leaves;
        var docs = new int[]?[leaves.Count];
        var scores = new float[]?[leaves.Count];
        foreach (var leaf in leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
            {
                continue;
            }
            var (leafDocs, leafScores) = (new List<int>(), new List<float>());
            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                leafDocs.Add(doc);
                leafScores.Add(scorer.GetScore());
            }
            if (leafDocs.Count > 0)
            {
                docs[leaf.Ord] = [.. leafDocs];
                scores[leaf.Ord] = [.. leafScores];
            }
        }
        return docs.Any(d => d is not null) ? new ScoredPostings(docs, scores) : ScoredPostings.Absent;
    }

    /// <summary>
    /// A term clause's live documents per segment and their scores, from the same BM25 scorer Lucene's TermQuery uses
    /// (so the sums stay the same to the bit).
    /// </summary>
    private static ScoredPostings Score(IndexSearcher searcher, TermQuery termQuery, TermState?[] states, TermStatistics termStatistics, DocsEnum?[] reuse)
    {
        var similarity = searcher.Similarity;
        var term = termQuery.Term;
        // As TermQuery's weight is made and normalised inside a Boolean query (BM25's query norm is 1).
        var stats = similarity.ComputeWeight(termQuery.Boost, FieldStatistics(searcher, term.Field), termStatistics);
        stats.Normalize(similarity.QueryNorm(stats.GetValueForNormalization()), 1f);
        var leaves = searcher.IndexReader.Leaves;
        var docs = new int[]?[leaves.Count];
        var scores = new float[]?[leaves.Count];
        foreach (var leaf in leaves)
        {
            if (states[leaf.Ord] is not { } state)
            {
                continue;
            }
            // The enumerator that found the term in this segment (this thread's) goes straight to its state.
            var reader = leaf.AtomicReader;
            var terms = ThreadTermsEnums.For(reader, term.Field)!;
            terms.SeekExact(term.Bytes, state);
            var postings = reuse[leaf.Ord] = terms.Docs(reader.LiveDocs, reuse[leaf.Ord], DocsFlags.FREQS);
            var bm25 = similarity.GetSimScorer(stats, leaf);
            var leafDocs = new int[terms.DocFreq];
            var leafScores = new float[terms.DocFreq];
            var count = 0;
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                leafDocs[count] = doc;
                leafScores[count++] = bm25.Score(doc, postings.Freq);
            }
            if (count < leafDocs.Length)
            {
                // Deleted documents are left out.
                Array.Resize(ref leafDocs, count);
                Array.Resize(ref leafScores, count);
            }
            docs[leaf.Ord] = leafDocs;
            scores[leaf.Ord] = leafScores;
        }
        return new ScoredPostings(docs, scores);
    }

    /// <summary>
    /// Each distinct term's state per segment and its statistics over all, for the terms found in some segment.
    /// Terms are looked up in index order with this thread's enumerator of each field and segment, which then moves
    /// forward through its blocks instead of starting over for each term.
    /// </summary>
    private static Dictionary<Term, (TermState?[] States, TermStatistics Term)> LookUp(IndexReader reader, IEnumerable<Term> terms)
    {
        var leaves = reader.Leaves;
        var sorted = terms.Distinct().Order().ToList();
        var states = sorted.ToDictionary(t => t, _ => new TermState?[leaves.Count]);
        var docFreqs = new long[sorted.Count];
        var totalTermFreqs = new long[sorted.Count];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            string? field = null;
            TermsEnum? enumerator = null;
            for (var i = 0; i < sorted.Count; i++)
            {
                var term = sorted[i];
                if (!string.Equals(term.Field, field, StringComparison.Ordinal))
                {
                    field = term.Field;
                    enumerator = ThreadTermsEnums.For(leaves[leaf].AtomicReader, field);
                }
                if (enumerator is null || !enumerator.SeekExact(term.Bytes))
                {
                    continue;
                }
                states[term][leaf] = enumerator.GetTermState();
                docFreqs[i] += enumerator.DocFreq;
                totalTermFreqs[i] = totalTermFreqs[i] < 0 || enumerator.TotalTermFreq < 0 ? -1 : totalTermFreqs[i] + enumerator.TotalTermFreq;
            }
        }
        return sorted
            .Select((term, i) => (term, i))
            .Where(t => docFreqs[t.i] > 0)
            .ToDictionary(t => t.term, t => (states[t.term], new TermStatistics(t.term.Bytes, docFreqs[t.i], totalTermFreqs[t.i])));
    }

    /// <summary>
    /// A field's statistics over the whole index, worked out once per commit: Lucene merges every segment's terms
    /// of the field each time it is asked.
    /// </summary>
    private static CollectionStatistics FieldStatistics(IndexSearcher searcher, string field) =>
        StatisticsByReader.GetValue(searcher.IndexReader, _ => new ConcurrentDictionary<string, CollectionStatistics>(StringComparer.Ordinal))
            .GetOrAdd(field, searcher.CollectionStatistics);

    /// <summary>
    /// Adds every clause's score per document of the segment, in clause order as BooleanScorer does, and offers the
    /// documents the filter allows; returns how many it offered.
    /// </summary>
    private static int ScoreLeaf(AtomicReaderContext leaf, List<ScoredPostings> clauses, FixedBitSet? filter, TopHits best)
    {
        var reader = leaf.AtomicReader;
        var scores = ArrayPool<double>.Shared.Rent(reader.MaxDoc);
        var seen = ArrayPool<bool>.Shared.Rent(reader.MaxDoc);
        var matched = ArrayPool<int>.Shared.Rent(reader.MaxDoc);
        var count = 0;
        try
        {
            Array.Clear(scores, 0, reader.MaxDoc);
            Array.Clear(seen, 0, reader.MaxDoc);
            var leafOrdinal = leaf.Ord;
            foreach (var clause in clauses)
            {
                if (clause.Docs[leafOrdinal] is not { } docs)
                {
                    continue;
                }
                var clauseScores = clause.Scores[leafOrdinal]!;
                for (var i = 0; i < docs.Length; i++)
                {
                    Add(docs[i], clauseScores[i]);
                }
            }
            var offered = 0;
            for (var i = 0; i < count; i++)
            {
                if (filter is null || filter.Get(matched[i]))
                {
                    best.Offer(leaf.DocBase + matched[i], (float)scores[matched[i]]);
                    offered++;
                }
            }
            return offered;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<bool>.Shared.Return(seen);
            ArrayPool<int>.Shared.Return(matched);
        }

        void Add(int doc, float score)
        {
            if (!seen[doc])
            {
                seen[doc] = true;
                matched[count++] = doc;
            }
            scores[doc] += score;
        }
    }
}
