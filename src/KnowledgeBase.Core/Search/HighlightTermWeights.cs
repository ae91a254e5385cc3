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
    /// a fuzzy word): their weights depend on where the words stand in each passage.
    /// </summary>
    public static WeightedSpanTerm[]? Of(Query query, string field)
    {
        var terms = new Dictionary<string, WeightedSpanTerm>(StringComparer.Ordinal);
        return Collect(query, field, terms) ? [.. terms.Values] : null;
    }

    private static bool Collect(Query query, string field, Dictionary<string, WeightedSpanTerm> terms)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (!clause.IsProhibited && !Collect(clause.Query, field, terms))
                    {
                        return false;
                    }
                }
                return true;
            case TermQuery term:
                if (string.Equals(term.Term.Field, field, StringComparison.Ordinal))
                {
                    terms[term.Term.Text] = new WeightedSpanTerm(term.Boost, term.Term.Text);
                }
                return true;
            case MatchAllDocsQuery:
                // What the simple parser sets beside a lone negation ("-ransomware"): it has no terms to weigh. (The
                // extractor indexes the passage in memory to rewrite it to itself, and then replays the same tokens.)
                return true;
            default:
                return false;
        }
    }
}
