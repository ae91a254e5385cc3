using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Turns what a person typed into a Lucene query over chunks: BM25 on body, clause heading and title (the last
/// two weighted higher), each analysed for every language searched, plus a strong boost for chunks of a document whose own identifier the query names
/// ("X.1056", "SP 800-61") and a smaller one for chunks that cite it.
/// </summary>
internal static class KeywordQueryBuilder
{
    private const float TitleWeight = RankingConstants.TitleWeight;
    private const float HeadingWeight = RankingConstants.HeadingWeight;
    private const float OwnIdentifierBoost = RankingConstants.OwnIdentifierBoost;
    private const float MentionBoost = RankingConstants.MentionBoost;
    private const float OtherLanguageWeight = RankingConstants.OtherLanguageWeight;

    /// <summary>
    /// The keyword query reads at most this many characters. An analyzer makes at most one term per character (CJK
    /// bigrams included), so no BooleanQuery built from them exceeds Lucene's 1,024 clauses
    /// (<see cref="BooleanQuery.MaxClauseCount"/>), whoever asks: the API, `kb search`, a batch file or an answer.
    /// </summary>
    public const int MaxTextLength = 1000;

    /// <param name="indexedFields">The fields that hold terms (<see cref="IndexCatalog.IndexedFields"/>): the query
    /// leaves out the other languages' fields, which could match nothing. Null searches every language's fields.</param>
    public static (BooleanQuery Query, Query TextQuery) Build(
        string text, Analyzer analyzer, IReadOnlyCollection<string>? languages = null, IReadOnlySet<string>? indexedFields = null)
    {
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }
        var weights = new Dictionary<string, float>();
        var queryLanguage = QueryLanguageGuess.Guess(text);
        foreach (var language in languages is { Count: > 0 } ? languages : LanguageFields.Languages)
        {
            // Other languages' fields still count (a French question may be answered by an English text), less.
            var weight = queryLanguage is null || LanguageFields.Normalize(queryLanguage) == language ? 1.0f : OtherLanguageWeight;
            weights[LanguageFields.Field(IndexFields.Body, language)] = weight;
            weights[LanguageFields.Field(IndexFields.Heading, language)] = weight * HeadingWeight;
            weights[LanguageFields.Field(IndexFields.Title, language)] = weight * TitleWeight;
        }
        if (indexedFields is not null && weights.Keys.Any(indexedFields.Contains))
        {
            // Each field left out is one analysis of the query and one term lookup per word less; none could score.
            foreach (var empty in weights.Keys.Where(f => !indexedFields.Contains(f)).ToList())
            {
                weights.Remove(empty);
            }
        }
        // The simple parser never throws: stray quotes, colons or brackets in a question are just text.
        var parser = new SharedAnalysisQueryParser(analyzer, weights, WordQueryCache.For(analyzer))
        {
            DefaultOperator = Occur.SHOULD,
        };
        var textQuery = parser.Parse(text);
        var anyOf = new BooleanQuery();
        if (textQuery is not null && !(textQuery is BooleanQuery { Clauses.Count: 0 }))
        {
            anyOf.Add(textQuery, Occur.SHOULD);
        }
        foreach (var identifier in IdentifierExtractor.Extract(text))
        {
            var term = identifier.ToLowerInvariant();
            anyOf.Add(new TermQuery(new Term(IndexFields.Identifiers, term)) { Boost = OwnIdentifierBoost }, Occur.SHOULD);
            anyOf.Add(new TermQuery(new Term(IndexFields.Mentions, term)) { Boost = MentionBoost }, Occur.SHOULD);
        }
        // Only chunks have text and identifier fields, so this matches chunks only without a clause saying so: a
        // query of SHOULD clauses alone lets Lucene score it a window of documents at a time (BooleanScorer), much
        // faster than the document-at-a-time scoring that a required clause forces.
        return (anyOf, textQuery ?? anyOf);
    }
}
