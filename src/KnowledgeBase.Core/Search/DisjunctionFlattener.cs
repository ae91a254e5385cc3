using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// A query of optional clauses nested in optional clauses (words × languages × fields) as one flat list of its leaf
/// queries, each boosted by the product of the boosts above it. BM25's coord and query norm are 1, so the flat query
/// scores every document as the nested one does, but is scored in one pass instead of through a Boolean scorer per
/// word and per field. Sums may round differently in the last bit (the order of additions changes): over 506
/// queries the best 100 documents of each came out the same, in the same order.
/// <para>
/// A Boolean query that requires, excludes or counts matches is kept whole as one leaf, for Lucene to score: the
/// parent adds its score as it adds any clause's. The simple parser makes "-malware" such a query (every document
/// without the word), so a question with one excluded word is still scored term at a time, but for that one clause.
/// </para>
/// </summary>
internal static class DisjunctionFlattener
{
    /// <summary>
    /// The leaf queries, in the order Lucene would add their scores. A list, not a Boolean query: there may be more
    /// than Lucene's 1,024 clauses.
    /// </summary>
    public static IReadOnlyList<Query> Flatten(BooleanQuery query)
    {
        var flat = new List<Query>();
        Add(query, 1f, flat);
        return flat;
    }

    private static void Add(Query query, float boost, List<Query> flat)
    {
        if (query is not BooleanQuery boolean || !IsDisjunction(boolean))
        {
            if (boost == 1f)
            {
                flat.Add(query); // its own boost is the product: the leaf itself (a built query is never changed)
                return;
            }
            var leaf = (Query)query.Clone();
            leaf.Boost = query.Boost * boost;
            flat.Add(leaf);
            return;
        }
        foreach (var clause in boolean.Clauses)
        {
            Add(clause.Query, boost * boolean.Boost, flat);
        }
    }

    private static bool IsDisjunction(BooleanQuery query) =>
        query.MinimumNumberShouldMatch == 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD);
}
