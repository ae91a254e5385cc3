using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The weights Lucene's <see cref="QueryScorer"/> gives a field's words, worked out once per search. QueryScorer
/// otherwise walks the whole query again for every passage it highlights (hundreds of clauses: each word in 3 fields
/// of up to 10 languages), which cost about as much as analysing the passage itself.
/// </summary>
internal static class HighlightTermWeights
{
    /// <summary>
    /// For a query made only of Boolean, term and match-all queries, each of <paramref name="field"/>'s terms with the weight
    /// QueryScorer's <see cref="WeightedSpanTermExtractor"/> reads: the term query's own boost, the last clause of a
    /// term winning, prohibited clauses left out. Null when the query holds anything else (a quoted phrase, a prefix,
    /// a fuzzy word): their weights depend on where the words stand in each passage (<see cref="PhraseHighlightWeights"/>).
    /// </summary>
    public static WeightedSpanTerm[]? Of(Query query, string field)
    {
        if (Clauses(query, field) is not { } clauses || clauses.Any(c => c.Phrase is not null))
        {
            return null;
        }
        var terms = new Dictionary<string, WeightedSpanTerm>(StringComparer.Ordinal);
        foreach (var (term, _, boost) in clauses)
        {
            terms[term] = new WeightedSpanTerm(boost, term);
        }
        return [.. terms.Values];
    }

    /// <summary>
    /// The clauses that weigh <paramref name="field"/>'s words, in query order as Lucene's extractor reads them: terms,
    /// and exact phrases of two or more distinct words at consecutive positions; prohibited clauses left out. Null when
    /// the query holds anything else (a sloppy phrase, a stop word's gap, a prefix, a fuzzy word).
    /// </summary>
    internal static List<HighlightClause>? Clauses(Query query, string field)
    {
        var clauses = new List<HighlightClause>();
        return Collect(query, field, clauses) ? clauses : null;
    }

    private static bool Collect(Query query, string field, List<HighlightClause> clauses)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                return boolean.Clauses.Where(c => !c.IsProhibited).All(c => Collect(c.Query, field, clauses));
            case TermQuery term:
                if (string.Equals(term.Term.Field, field, StringComparison.Ordinal))
                {
                    clauses.Add(new HighlightClause(term.Term.Text, null, term.Boost));
                }
                return true;
            case PhraseQuery phrase:
                return Collect(phrase, field, clauses);
            case MatchAllDocsQuery:
                // What the simple parser sets beside a lone negation ("-ransomware"): it has no terms to weigh. (The
                // extractor indexes the passage in memory to rewrite it to itself, and then replays the same tokens.)
                return true;
            default:
                return false;
        }
    }

    private static bool Collect(PhraseQuery phrase, string field, List<HighlightClause> clauses)
    {
        var terms = phrase.GetTerms();
        var positions = phrase.GetPositions();
        var words = terms.Select(t => t.Text).ToArray();
        if (phrase.Slop != 0 || terms.Length < 2 || words.Distinct(StringComparer.Ordinal).Count() != words.Length
            || positions.Where((p, i) => p != positions[0] + i).Any())
        {
            return false;
        }
        // A phrase of another field weighs none of this field's words (its spans are dropped with its terms).
        if (terms.All(t => string.Equals(t.Field, field, StringComparison.Ordinal)))
        {
            clauses.Add(new HighlightClause(words[0], words, phrase.Boost));
        }
        return true;
    }
}

/// <summary>A clause that weighs a field's words: a term (<see cref="Phrase"/> null), or a phrase's words.</summary>
internal readonly record struct HighlightClause(string Term, string[]? Phrase, float Boost);
