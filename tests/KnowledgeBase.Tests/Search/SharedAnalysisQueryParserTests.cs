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
        var weights = new Dictionary<string, float>();
        foreach (var language in new[] { "en", "fr", "ru", "zh" })
        {
            weights[LanguageFields.Field(IndexFields.Body, language)] = language == "en" ? 1f : 0.3f;
            weights[LanguageFields.Field(IndexFields.Heading, language)] = 1.5f;
            weights[LanguageFields.Field(IndexFields.Title, language)] = 2f;
        }

        var expected = new SimpleQueryParser(analyzer, weights) { DefaultOperator = Occur.SHOULD }.Parse(text);
        var actual = new SharedAnalysisQueryParser(analyzer, weights) { DefaultOperator = Occur.SHOULD }.Parse(text);

        Assert.Equal(expected?.ToString(), actual?.ToString());
        Assert.Equal(expected, actual);
    }
}
