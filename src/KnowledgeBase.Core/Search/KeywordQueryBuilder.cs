using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Simple;
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

    public static (BooleanQuery Query, Query TextQuery) Build(string text, Analyzer analyzer, IReadOnlyCollection<string>? languages = null)
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
        // The simple parser never throws: stray quotes, colons or brackets in a question are just text.
        var parser = new SimpleQueryParser(analyzer, weights)
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
        var query = new BooleanQuery
        {
            // Only chunks are hits; the constant zero-weight clause restricts without changing scores.
            { new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Kind, IndexFields.ChunkKind))) { Boost = 0 }, Occur.MUST },
            { anyOf, Occur.MUST },
        };
        return (query, textQuery ?? anyOf);
    }
}
