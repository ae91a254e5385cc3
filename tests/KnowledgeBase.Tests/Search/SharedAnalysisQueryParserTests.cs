using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Lucene.Net.QueryParsers.Simple;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class SharedAnalysisQueryParserTests
{
    [Theory]
    [InlineData("how should a country organise its incident response team?")]
    [InlineData("comment le Bénin organise-t-il la réponse aux incidents")]
    [InlineData("网络安全事件响应")]
    [InlineData("Как реагировать на инциденты")]
    [InlineData("\"incident response\" plan -ransomware incid*")]
    [InlineData("X.1056 SP 800-61 (severity | priority) + escalation")]
    [InlineData("the of and")]
    public void Parse_AnalysingOncePerLanguage_BuildsTheSimpleParsersQuery(string text)
    {
        using var analyzer = new QueryAnalyzer(IndexAnalyzers.Create());
        var weights = Weights("en");

        var expected = new SimpleQueryParser(analyzer, weights) { DefaultOperator = Occur.SHOULD }.Parse(text);
        var actual = new SharedAnalysisQueryParser(analyzer, weights) { DefaultOperator = Occur.SHOULD }.Parse(text);

        Assert.Equal(expected?.ToString(), actual?.ToString());
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Words kept from earlier questions give the same query as words built now, under whichever weights the question
    /// has: the same words asked with French weights in between must not come back with English ones.
    /// </summary>
    [Theory]
    [InlineData("how should a country organise its incident response team?")]
    [InlineData("comment le Bénin organise-t-il la réponse aux incidents")]
    [InlineData("网络安全事件响应 incident")]
    [InlineData("\"incident response\" plan -ransomware incid*")]
    [InlineData("X.1056 SP 800-61 (severity | priority) + escalation")]
    [InlineData("the of and")]
    public void Parse_WithWordsKeptFromEarlierQuestions_BuildsTheSimpleParsersQuery(string text)
    {
        using var analyzer = new QueryAnalyzer(IndexAnalyzers.Create());
        var words = new WordQueryCache();
        foreach (var language in new[] { "en", "fr", "en" })
        {
            var weights = Weights(language);
            var expected = new SimpleQueryParser(analyzer, weights) { DefaultOperator = Occur.SHOULD }.Parse(text);
            for (var time = 0; time < 2; time++)
            {
                var actual = new SharedAnalysisQueryParser(analyzer, weights, words) { DefaultOperator = Occur.SHOULD }.Parse(text);
                Assert.Equal(expected?.ToString(), actual?.ToString());
                Assert.Equal(expected, actual);
            }
        }
        Assert.InRange(words.Count, 1, 2 * text.Split(' ').Length);
    }

    private static Dictionary<string, float> Weights(string questionLanguage)
    {
        var weights = new Dictionary<string, float>();
        foreach (var language in new[] { "en", "fr", "ru", "zh" })
        {
            weights[LanguageFields.Field(IndexFields.Body, language)] = language == questionLanguage ? 1f : 0.3f;
            weights[LanguageFields.Field(IndexFields.Heading, language)] = 1.5f;
            weights[LanguageFields.Field(IndexFields.Title, language)] = 2f;
        }
        return weights;
    }
}
