using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Tests.Search;

public sealed class PassageHighlighterTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "en", "strategy_en.txt" },
        { "en", "controls_ar-en.txt" },
        { "fr", "strategy_fr.txt" },
        { "es", "strategy_es.txt" },
        { "ru", "strategy_ru.txt" },
        { "ar", "strategy_ar.txt" },
        { "el", "strategy_el.txt" },
        { "lv", "strategy_lv.txt" },
        { "zh", "resolution_zh.txt" },
    };

    /// <summary>
    /// Many passages (every window of the text at several lengths, so fragments tie, adjoin and get merged, and
    /// escapes fall inside and outside marks) and queries made of the text's own words: the fragments must be
    /// Lucene's Highlighter's with a QueryScorer of the same weights, character for character.
    /// </summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void BestFragments_AreLucenesHighlightersFragments(string language, string file)
    {
        var text = File.ReadAllText(TestPaths.Fixture($"Languages/{file}")).Replace("\n", " <b>&amp;</b> ", StringComparison.Ordinal);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var field = LanguageFields.Field(IndexFields.Body, language);
        var compared = 0;
        foreach (var query in new[] { string.Join(' ', words.Where((_, i) => i % 7 == 3)), string.Join(' ', words.Take(3)), words[^2] })
        {
            var (_, textQuery) = KeywordQueryBuilder.Build(query, queryAnalyzer);
            var weights = HighlightTermWeights.Of(textQuery, field);
            Assert.NotNull(weights);
            var ours = new PassageHighlighter(weights, 220);
            var lucene = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, new QueryScorer(weights))
            {
                TextFragmenter = new SimpleFragmenter(220),
            };
            foreach (var length in new[] { 0, 40, 219, 221, 450, 700, text.Length })
            {
                for (var start = 0; start + length <= text.Length; start += Math.Max(23, length / 3))
                {
                    var passage = text.Substring(start, length);
                    Assert.Equal(lucene.GetBestFragments(analyzer, field, passage, 2), ours.BestFragments(analyzer, field, passage));
                    compared++;
                }
            }
        }
        Assert.True(compared > 50, $"{compared} passages compared");
    }
}
