using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace KnowledgeBase.Tests.Search;

public sealed class HighlightTermWeightsTests
{
    [Theory]
    [InlineData("how should a country organise its incident response team?", "en")]
    [InlineData("ransomware", "en")]
    [InlineData("инциденты", "en")]
    [InlineData("incident incident response X.1056", "en")]
    [InlineData("incident response -ransomware (plan | register) + escalation", "en")]
    [InlineData("comment le Bénin organise-t-il la réponse aux incidents", "fr")]
    [InlineData("网络安全事件响应", "zh")]
    [InlineData("Как реагировать на инциденты", "ru")]
    public void Of_QueryOfTermsAlone_GivesTheWeightsLucenesExtractorGivesEachPassage(string text, string language)
    {
        using var queryAnalyzer = new QueryAnalyzer(IndexAnalyzers.Create());
        var (_, textQuery) = KeywordQueryBuilder.Build(text, queryAnalyzer);
        var field = LanguageFields.Field(IndexFields.Body, language);
        using var passage = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader("any passage"));

        var expected = new WeightedSpanTermExtractor().GetWeightedSpanTerms(textQuery, passage, field);
        var actual = HighlightTermWeights.Of(textQuery, field);

        Assert.NotNull(actual);
        Assert.NotEmpty(actual);
        Assert.Equal(
            expected.Values.Select(t => (t.Term, t.Weight, t.IsPositionSensitive)).OrderBy(t => t.Term, StringComparer.Ordinal),
            actual.Select(t => (t.Term, t.Weight, t.IsPositionSensitive)).OrderBy(t => t.Term, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"incident response\" plan")]
    [InlineData("incid* response")]
    [InlineData("incident respons~1")]
    public void Of_QueryWithAPhrasePrefixOrFuzzyWord_IsNullSoEachPassageIsScoredByPosition(string text)
    {
        using var queryAnalyzer = new QueryAnalyzer(IndexAnalyzers.Create());
        var (_, textQuery) = KeywordQueryBuilder.Build(text, queryAnalyzer);

        Assert.Null(HighlightTermWeights.Of(textQuery, LanguageFields.Field(IndexFields.Body, "en")));
    }

    [Fact]
    public void Of_ProhibitedWord_IsNotHighlighted()
    {
        using var queryAnalyzer = new QueryAnalyzer(IndexAnalyzers.Create());
        var (_, textQuery) = KeywordQueryBuilder.Build("incident -ransomware", queryAnalyzer);

        var terms = HighlightTermWeights.Of(textQuery, LanguageFields.Field(IndexFields.Body, "en"))!.Select(t => t.Term).ToList();

        Assert.Contains("incid", terms);
        Assert.DoesNotContain(terms, t => t.StartsWith("ransomw", StringComparison.Ordinal));
    }
}
