using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Pseudo-relevance feedback in the manner of RM3: the terms that weigh most in the best keyword passages (by
/// frequency there, the passage's score and rarity in the index) are added to the query with a small weight, so a
/// question in other words than the text still reaches the text's own vocabulary.
/// </summary>
internal static class QueryExpansion
{
    private const int FeedbackPassages = RankingConstants.FeedbackPassages;
    private const int ExpansionTerms = RankingConstants.ExpansionTerms;
    private const float ExpansionWeight = RankingConstants.ExpansionWeight;

    public static void Expand(BooleanQuery query, string queryText, IndexSearcher searcher, Analyzer analyzer)
    {
        var feedback = searcher.Search(query, FeedbackPassages).ScoreDocs;
        if (feedback.Length == 0)
        {
            return;
        }
        var weights = new Dictionary<Term, double>();
        foreach (var hit in feedback)
        {
            var document = searcher.Doc(hit.Doc);
            var field = LanguageFields.Field(IndexFields.Body, document.Get(IndexFields.Language));
            var terms = Tokens(analyzer, field, document.Get(IndexFields.Body));
            var asked = Tokens(analyzer, field, queryText).ToHashSet();
            foreach (var group in terms.Where(t => t.Length > 2 && !asked.Contains(t) && !t.All(char.IsDigit)).GroupBy(t => t))
            {
                var term = new Term(field, group.Key);
                weights[term] = weights.GetValueOrDefault(term) + hit.Score / feedback[0].Score * group.Count() / terms.Count;
            }
        }
        var count = searcher.IndexReader.NumDocs;
        var best = weights
            .Select(p => (p.Key, Weight: p.Value * Math.Log((double)count / (searcher.IndexReader.DocFreq(p.Key) + 1))))
            .Where(p => p.Weight > 0)
            .OrderByDescending(p => p.Weight)
            .Take(ExpansionTerms)
            .ToList();
        if (best.Count == 0)
        {
            return;
        }
        var expansion = new BooleanQuery();
        foreach (var (term, weight) in best)
        {
            expansion.Add(new TermQuery(term) { Boost = (float)(ExpansionWeight * weight / best[0].Weight) }, Occur.SHOULD);
        }
        query.Add(expansion, Occur.SHOULD);
    }

    private static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }
}
