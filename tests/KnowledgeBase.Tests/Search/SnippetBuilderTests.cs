using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Tests.Search;

/// <summary>
/// The snippet builder scores a query of terms alone from weights read once per field; its snippets must stay those of
/// Lucene's QueryScorer walking the query for every passage, as they were before.
/// </summary>
public sealed class SnippetBuilderTests
{
    // Escapes, line breaks and a word repeated across fragments, so the best two of several fragments are chosen.
    private const string EnglishPassage =
        "1 Scope\r\n\r\nThis guide covers incident response: a national CIRT & its sector teams <CSIRT> share \"incident\" reports.\n\t" +
        "Each team keeps an incident register. Ransomware incidents go to the national team within 24 hours; other incidents within 72 hours. " +
        "The response plan names who decides, who informs the public and who restores the services. Teams rehearse the plan twice a year " +
        "and after every major incident. Lessons learned are written down and shared with the sector teams so that the next response is faster. " +
        "Annex A lists the contact points of the national team, the regulators and the operators of essential services.\n";

    public static TheoryData<string, string, string> Passages => new()
    {
        { "en", EnglishPassage, "how should a national team respond to ransomware incidents?" },
        { "en", EnglishPassage, "incident" },
        { "en", EnglishPassage, "incident response -ransomware (plan | register)" },
        { "en", EnglishPassage, "\"national team\" incident" },
        { "en", EnglishPassage, "incid* respon~1" },
        { "en", File.ReadAllText(TestPaths.Fixture("Languages/strategy_en.txt")), "national strategy for incident response" },
        { "fr", File.ReadAllText(TestPaths.Fixture("Languages/strategy_fr.txt")), "équipe nationale de réponse aux incidents" },
        { "ru", File.ReadAllText(TestPaths.Fixture("Languages/strategy_ru.txt")), "реагирование на инциденты безопасности" },
        { "zh", File.ReadAllText(TestPaths.Fixture("Languages/resolution_zh.txt")), "网络安全事件响应" },
        { "ar", File.ReadAllText(TestPaths.Fixture("Languages/strategy_ar.txt")), "الاستراتيجية الوطنية للأمن السيبراني" },
    };

    [Theory]
    [MemberData(nameof(Passages))]
    public void Build_GivesTheSnippetOfLucenesQueryScorerWalkingTheQueryPerPassage(string language, string text, string query)
    {
        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var (_, textQuery) = KeywordQueryBuilder.Build(query, queryAnalyzer);
        var builder = new SnippetBuilder(textQuery, analyzer);
        var field = LanguageFields.Field(IndexFields.Body, language);
        var reference = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, new QueryScorer(textQuery, field))
        {
            TextFragmenter = new SimpleFragmenter(220),
        };

        // Twice, and a second passage between: the builder reuses its scorer across the passages of one search.
        foreach (var passage in new[] { text, text[(text.Length / 3)..], text })
        {
            var expected = reference.GetBestFragments(analyzer, field, string.Join(' ', passage.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)), 2);
            Assert.NotEmpty(expected);
            Assert.Equal(string.Join(" … ", expected.Select(f => f.Trim())), builder.Build(passage, language));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("one line, no breaks")]
    [InlineData("\r\n\tleading and trailing\n\r")]
    [InlineData("a\r\n\r\nb \n c\t\td")]
    [InlineData("  spaces  \n  stay  ")]
    [InlineData("\n\n\n")]
    public void Flatten_JoinsTheNonEmptyPiecesBetweenBreaksWithOneSpace(string text) =>
        Assert.Equal(string.Join(' ', text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)), SnippetBuilder.Flatten(text));
}
