using System.Buffers;
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
/// fresh terms enumerator per segment and field statistics merged across segments each time; that set-up, not the
/// scoring, was 80% of a search (506 queries over the whole corpus: 3.2 of 3.9 ms). Here each field's terms are
/// looked up with one enumerator per segment and each field's statistics are read once per search.
/// </para>
/// </summary>
internal static class TermAtATimeSearch
{
    /// <summary>
    /// The best <paramref name="depth"/> documents of a flat disjunction, best first, ties by document order; only
    /// those <paramref name="restriction"/> matches, when given (it restricts, it does not score).
    /// </summary>
    public static TopDocs Search(IndexSearcher searcher, IReadOnlyList<Query> disjunction, int depth, Query? restriction = null)
    {
        var clauses = Weigh(searcher, disjunction);
        var allowed = restriction is null ? null : searcher.CreateNormalizedWeight(restriction);
        var best = new TopHits(depth);
        var totalHits = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var filter = allowed is null ? null : Allowed(allowed, leaf);
            if (filter is null && allowed is not null)
            {
                continue; // nothing in this segment passes the filters
            }
            totalHits += ScoreLeaf(searcher.Similarity, leaf, clauses, filter, best);
        }
        return best.ToTopDocs(totalHits);
    }

    /// <summary>The segment's documents the restriction matches; null when none does.</summary>
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

    /// <summary>One clause ready to score: a term with its per-segment states and BM25 weight, or any other query's weight.</summary>
    private sealed record Clause(Term? Term, TermState?[] States, Similarity.SimWeight? Stats, Weight? Other);

    private static List<Clause> Weigh(IndexSearcher searcher, IReadOnlyList<Query> disjunction)
    {
        var leaves = searcher.IndexReader.Leaves;
        var similarity = searcher.Similarity;
        var fieldStatistics = new Dictionary<string, CollectionStatistics>(StringComparer.Ordinal);
        var enums = new Dictionary<(string Field, int Leaf), TermsEnum?>();
        var clauses = new List<Clause>(disjunction.Count);
        foreach (var query in disjunction)
        {
            if (query is not TermQuery termQuery)
            {
                clauses.Add(new Clause(null, [], null, searcher.CreateNormalizedWeight(query)));
                continue;
            }
            var term = termQuery.Term;
            var states = new TermState?[leaves.Count];
            long docFreq = 0, totalTermFreq = 0;
            for (var i = 0; i < leaves.Count; i++)
            {
                if (!enums.TryGetValue((term.Field, i), out var terms))
                {
                    terms = enums[(term.Field, i)] = leaves[i].AtomicReader.GetTerms(term.Field)?.GetEnumerator();
                }
                if (terms is null || !terms.SeekExact(term.Bytes))
                {
                    continue;
                }
                states[i] = terms.GetTermState();
                docFreq += terms.DocFreq;
                totalTermFreq = totalTermFreq < 0 || terms.TotalTermFreq < 0 ? -1 : totalTermFreq + terms.TotalTermFreq;
            }
            if (docFreq == 0)
            {
                continue; // in no segment: Lucene gives it no scorer either
            }
            if (!fieldStatistics.TryGetValue(term.Field, out var collection))
            {
                collection = fieldStatistics[term.Field] = searcher.CollectionStatistics(term.Field);
            }
            // As TermQuery's weight is made and normalised inside a Boolean query (BM25's query norm is 1).
            var stats = similarity.ComputeWeight(termQuery.Boost, collection, new TermStatistics(term.Bytes, docFreq, totalTermFreq));
            stats.Normalize(similarity.QueryNorm(stats.GetValueForNormalization()), 1f);
            clauses.Add(new Clause(term, states, stats, null));
        }
        return clauses;
    }

    /// <summary>
    /// Adds every clause's score per document of the segment, in clause order as BooleanScorer does, and offers the
    /// documents the filter allows; returns how many it offered.
    /// </summary>
    private static int ScoreLeaf(Similarity similarity, AtomicReaderContext leaf, List<Clause> clauses, FixedBitSet? filter, TopHits best)
    {
        var reader = leaf.AtomicReader;
        var liveDocs = reader.LiveDocs;
        var scores = ArrayPool<double>.Shared.Rent(reader.MaxDoc);
        var seen = ArrayPool<bool>.Shared.Rent(reader.MaxDoc);
        var matched = ArrayPool<int>.Shared.Rent(reader.MaxDoc);
        var count = 0;
        try
        {
            Array.Clear(scores, 0, reader.MaxDoc);
            Array.Clear(seen, 0, reader.MaxDoc);
            var leafOrdinal = leaf.Ord;
            var enums = new Dictionary<string, TermsEnum>(StringComparer.Ordinal);
            DocsEnum? reuse = null;
            foreach (var clause in clauses)
            {
                if (clause.Other is { } weight)
                {
                    var scorer = weight.GetScorer(leaf, liveDocs);
                    if (scorer is null)
                    {
                        continue;
                    }
                    for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                    {
                        Add(doc, scorer.GetScore());
                    }
                    continue;
                }
                if (clause.States[leafOrdinal] is not { } state)
                {
                    continue;
                }
                var field = clause.Term!.Field;
                if (!enums.TryGetValue(field, out var terms))
                {
                    terms = enums[field] = reader.GetTerms(field).GetEnumerator();
                }
                terms.SeekExact(clause.Term.Bytes, state);
                var docs = reuse = terms.Docs(liveDocs, reuse, DocsFlags.FREQS);
                var bm25 = similarity.GetSimScorer(clause.Stats, leaf);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    Add(doc, bm25.Score(doc, docs.Freq));
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
