using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Tests.Search;

/// <summary>
/// Quoted phrases are highlighted from the passage's own tokens; the snippets must stay those of Lucene's QueryScorer,
/// which runs each phrase as a span query over the passage indexed in memory.
/// </summary>
public sealed class PhraseHighlightWeightsTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "en", "strategy_en.txt" },
        { "fr", "strategy_fr.txt" },
        { "es", "strategy_es.txt" },
        { "ru", "strategy_ru.txt" },
        { "ar", "strategy_ar.txt" },
        { "zh", "resolution_zh.txt" },
    };

    /// <summary>
    /// Phrases taken from the text itself (so they match, often more than once), beside loose words, the same word in
    /// and out of a phrase in both orders, two phrases sharing a word, a word twice in a phrase, and phrases with stop
    /// words or markup (which Lucene then highlights), over every window of the text at several lengths.
    /// </summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Build_GivesLucenesSnippetsForQuotedPhrases(string language, string file)
    {
        var text = File.ReadAllText(TestPaths.Fixture($"Languages/{file}")).Replace("\n", " <b>&amp;</b> ", StringComparison.Ordinal);
        var words = text.Split([' ', '"'], StringSplitOptions.RemoveEmptyEntries);
        string Phrase(int at, int length) => "\"" + string.Join(' ', words.Skip(at).Take(length)) + "\"";
        var middle = words.Length / 2;
        // Two long words in a row: no stop word between them, so Lucene's span rules are the plain ones. Chinese has
        // no spaces: four characters of its longest line (three bigrams).
        var plain = Enumerable.Range(0, words.Length - 1).Select(i => (middle + i) % (words.Length - 1))
            .Where(i => words[i..(i + 2)].All(w => w.Length >= 6 && w.All(char.IsLetter)))
            .Select(i => Phrase(i, 2))
            .FirstOrDefault("\"" + words.MaxBy(w => w.Length)![..4] + "\"");
        var queries = new[]
        {
            plain,
            Phrase(middle, 2),
            $"{Phrase(3, 2)} {words[10]} {Phrase(middle, 3)}",
            $"{words[middle]} {Phrase(middle, 2)}",
            $"{Phrase(middle, 2)} {words[middle]}",
            $"{Phrase(middle, 2)} {Phrase(middle + 1, 2)}",
            $"\"{words[middle]} {words[middle]}\" {words[5]}",
            $"{Phrase(middle + 7, 4)} -{words[12]}",
        };

        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var field = LanguageFields.Field(IndexFields.Body, language);
        var (compared, fromTokens) = (0, 0);
        foreach (var query in queries)
        {
            var (_, textQuery) = KeywordQueryBuilder.Build(query, queryAnalyzer);
            var builder = new SnippetBuilder(textQuery, analyzer);
            var phrases = PhraseHighlightWeights.Of(textQuery, field);
            var lucene = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, new QueryScorer(textQuery, field))
            {
                TextFragmenter = new SimpleFragmenter(220),
            };
            foreach (var length in new[] { 40, 221, 450, 700, text.Length })
            {
                for (var start = 0; start + length <= text.Length; start += Math.Max(37, length / 3))
                {
                    var passage = text.Substring(start, length);
                    var expected = lucene.GetBestFragments(analyzer, field, SnippetBuilder.Flatten(passage), 2);
                    var ours = builder.Build(passage, language);
                    if (expected.Length == 0)
                    {
                        Assert.DoesNotContain("<mark>", ours, StringComparison.Ordinal); // the passage's start, unmarked
                    }
                    else
                    {
                        Assert.Equal(string.Join(" … ", expected.Select(f => f.Trim())), ours);
                    }
                    compared++;
                    if (phrases?.For(AnalysedPassage.Analyse(analyzer, field, passage)) is not null)
                    {
                        fromTokens++;
                    }
                }
            }
        }
        Assert.True(compared > 50, $"{compared} passages compared");
        Assert.True(fromTokens > compared / 10, $"only {fromTokens} of {compared} passages were highlighted from their tokens");
    }

    [Fact]
    public void For_WeighsAPhrasesWordsOnlyWhereTheWholePhraseStands()
    {
        const string passage = "The team met. A national policy names the national team; every team reports to it.";
        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var field = LanguageFields.Field(IndexFields.Body, "en");
        var (_, textQuery) = KeywordQueryBuilder.Build("\"national team\"", queryAnalyzer);

        var snippet = new SnippetBuilder(textQuery, analyzer).Build(passage, "en");

        Assert.Equal("The team met. A national policy names the <mark>national</mark> <mark>team</mark>; every team reports to it.", snippet);
        var weights = PhraseHighlightWeights.Of(textQuery, field)!.For(AnalysedPassage.Analyse(analyzer, field, passage))!;
        Assert.True(weights["team"].IsPositionSensitive);
    }

    [Fact]
    public void Of_LeavesSloppyPhrasesAndPrefixesToLucene()
    {
        using var analyzer = IndexAnalyzers.Create();
        using var queryAnalyzer = new QueryAnalyzer(analyzer);
        var field = LanguageFields.Field(IndexFields.Body, "en");

        Assert.Null(PhraseHighlightWeights.Of(KeywordQueryBuilder.Build("\"national team\"~2", queryAnalyzer).Item2, field));
        Assert.Null(PhraseHighlightWeights.Of(KeywordQueryBuilder.Build("\"national team\" incid*", queryAnalyzer).Item2, field));
        Assert.Null(PhraseHighlightWeights.Of(KeywordQueryBuilder.Build("national team", queryAnalyzer).Item2, field));
        Assert.NotNull(PhraseHighlightWeights.Of(KeywordQueryBuilder.Build("\"national team\" incident", queryAnalyzer).Item2, field));
    }
}
