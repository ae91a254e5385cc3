using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// A query cut down to the clauses that can weigh one field's words, for Lucene's positional QueryScorer. A question
/// asks every word in the body, heading and title field of every language (some 30 clauses a word); the scorer's
/// WeightedSpanTermExtractor works every phrase and prefix of them against each passage it highlights, then keeps only
/// the highlighted field's terms. Dropping the other fields' clauses first leaves what it keeps, and its order, as it
/// was (tests compare the fragments with the whole query's).
/// </summary>
internal static class FieldClauses
{
    /// <summary>The clauses of <paramref name="query"/> that can weigh terms of <paramref name="field"/>; the query itself when all can.</summary>
    public static Query Of(Query query, string field) => Prune(query, field) ?? new BooleanQuery();

    private static Query? Prune(Query query, string field)
    {
        switch (query)
        {
            case BooleanQuery boolean:
                var kept = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
                var changed = false;
                foreach (var clause in boolean.Clauses)
                {
                    var pruned = Prune(clause.Query, field);
                    changed |= !ReferenceEquals(pruned, clause.Query);
                    if (pruned is not null)
                    {
                        kept.Add(pruned, clause.Occur);
                    }
                }
                return !changed ? boolean : kept.Clauses.Count > 0 ? kept : null;
            case TermQuery term:
                return OfField(term, term.Term.Field, field);
            case PhraseQuery phrase:
                return phrase.GetTerms() is { Length: > 0 } terms ? OfField(phrase, terms[0].Field, field) : phrase;
            case MultiTermQuery multiTerm:
                return OfField(multiTerm, multiTerm.Field, field);
            default:
                return query;
        }
    }

    private static Query? OfField(Query query, string queryField, string field) =>
        string.Equals(queryField, field, StringComparison.Ordinal) ? query : null;
}
