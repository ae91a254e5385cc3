using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

/// <summary>
/// Snippets built from passages' remembered analysis must be those built by analysing the passages afresh, for a
/// passage indexed again with new text too, and the cache must stay within its capacity.
/// </summary>
public sealed class AnalysedPassageCacheTests : IDisposable
{
    private static readonly (string Id, string Language, string File)[] Passages =
    [
        ("en", "en", "strategy_en.txt"),
        ("ar-en", "en", "controls_ar-en.txt"),
        ("fr", "fr", "strategy_fr.txt"),
        ("es", "es", "strategy_es.txt"),
        ("ru", "ru", "strategy_ru.txt"),
        ("ar", "ar", "strategy_ar.txt"),
        ("zh", "zh", "resolution_zh.txt"),
    ];

    private static readonly string EnglishBody = LanguageFields.Field(IndexFields.Body, "en");

    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public AnalysedPassageCacheTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData("national strategy for incident response")]
    [InlineData("équipe nationale de réponse aux incidents")]
    [InlineData("реагирование на инциденты безопасности")]
    [InlineData("网络安全事件响应")]
    [InlineData("الاستراتيجية الوطنية للأمن السيبراني")]
    public void Build_FromAnEmptyCacheAndFromTheCache_GivesTheSnippetsOfAFreshAnalysis(string query)
    {
        foreach (var (id, language, file) in Passages)
        {
            IndexedDocuments.Add(_index, id, File.ReadAllText(TestPaths.Fixture($"Languages/{file}")), new DocumentMetadata { Title = id }, language);
        }
        var cache = new AnalysedPassageCache();

        var (fresh, cold, cached) = _index.Read((searcher, _) =>
        {
            var (_, textQuery) = KeywordQueryBuilder.Build(query, _index.QueryAnalyzer);
            var docs = searcher.Search(new Lucene.Net.Search.MatchAllDocsQuery(), 100).ScoreDocs
                .Select(d => (d.Doc, Document: searcher.Doc(d.Doc)))
                .Where(d => d.Document.Get(IndexFields.Body) is not null)
                .ToList();
            string[] Snippets(SnippetBuilder builder, bool withDoc) =>
                [.. docs.Select(d => builder.Build(d.Document.Get(IndexFields.Body), d.Document.Get(IndexFields.Language), withDoc ? d.Doc : null))];
            return (
                Snippets(new SnippetBuilder(textQuery, _index.IndexAnalyzer), withDoc: false),
                Snippets(new SnippetBuilder(textQuery, _index.IndexAnalyzer, reader: searcher.IndexReader, cache: cache), withDoc: true),
                Snippets(new SnippetBuilder(textQuery, _index.IndexAnalyzer, reader: searcher.IndexReader, cache: cache), withDoc: true));
        }, default);

        Assert.Equal(Passages.Length, fresh.Length);
        Assert.Contains(fresh, s => s.Contains("<mark>", StringComparison.Ordinal));
        Assert.Equal(fresh, cold);
        Assert.Equal(fresh, cached);
        Assert.Equal(Passages.Length, cache.Count);
    }

    [Fact]
    public void Search_AfterAPassageIsIndexedAgainWithNewText_MarksTheNewText()
    {
        const string before = "Ransomware incidents go to the national team within 24 hours; the plan names who decides.";
        const string after = "Each sector keeps a register of its assets. Operators report ransomware to the regulator, and the regulator informs the national team.";
        IndexedDocuments.Add(_index, "guide", before, new DocumentMetadata { Title = "guide" });
        var first = _index.Search(new SearchRequest("ransomware national team", 10)).Hits.Single();

        IndexedDocuments.Add(_index, "guide", after, new DocumentMetadata { Title = "guide" });
        var second = _index.Search(new SearchRequest("ransomware national team", 10)).Hits.Single();

        Assert.Equal("<mark>Ransomware</mark> incidents go to the <mark>national</mark> <mark>team</mark> within 24 hours; the plan names who decides.", first.Snippet);
        Assert.Equal(
            "Each sector keeps a register of its assets. Operators report <mark>ransomware</mark> to the regulator, and the regulator informs the <mark>national</mark> <mark>team</mark>.",
            second.Snippet);
    }

    [Fact]
    public void Get_MorePassagesThanTheCapacity_HoldsNoMoreThanTheCapacityAndStillAnswers()
    {
        AddPassages(40, i => $"Passage {i}: incident response plan number {i} for operator {i}.");
        var cache = new AnalysedPassageCache(capacity: 10);

        var counts = _index.Read((searcher, _) =>
        {
            var seen = new List<int>();
            for (var round = 0; round < 2; round++)
            {
                foreach (var (doc, text) in StoredPassages(searcher))
                {
                    var passage = cache.Get(searcher.IndexReader, doc, EnglishBody, _index.IndexAnalyzer, text);
                    Assert.Equal(AnalysedPassage.Analyse(_index.IndexAnalyzer, EnglishBody, text).Tokens, passage.Tokens);
                    seen.Add(cache.Count);
                }
            }
            return seen;
        }, []);

        Assert.Equal(80, counts.Count);
        Assert.All(counts, count => Assert.InRange(count, 1, 10));
    }

    [Fact]
    public void Get_FromManyThreadsAtOnceWithEvictions_GivesEveryPassageItsOwnTokens()
    {
        AddPassages(30, i => $"Operator {i} reports incident {i * 7} to team {i % 5}; plan {i} follows.");
        var cache = new AnalysedPassageCache(capacity: 12);

        var mismatches = _index.Read((searcher, _) =>
        {
            var reader = searcher.IndexReader;
            var passages = StoredPassages(searcher)
                .Select(p => (p.Doc, p.Text, Expected: AnalysedPassage.Analyse(_index.IndexAnalyzer, EnglishBody, p.Text).Tokens.ToArray()))
                .ToList();
            var wrong = 0;
            Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var (doc, text, expected) = passages[(i * 7) % passages.Count];
                if (!cache.Get(reader, doc, EnglishBody, _index.IndexAnalyzer, text).Tokens.SequenceEqual(expected))
                {
                    Interlocked.Increment(ref wrong);
                }
            });
            return wrong;
        }, -1);

        Assert.Equal(0, mismatches);
        Assert.InRange(cache.Count, 1, 12);
    }

    private void AddPassages(int count, Func<int, string> text)
    {
        for (var i = 0; i < count; i++)
        {
            IndexedDocuments.Add(_index, $"d{i}", text(i), new DocumentMetadata { Title = $"d{i}" });
        }
    }

    /// <summary>Every passage of the searcher's commit with its number and stored text (document rows have no text).</summary>
    private static List<(int Doc, string Text)> StoredPassages(Lucene.Net.Search.IndexSearcher searcher) =>
        [.. Enumerable.Range(0, searcher.IndexReader.MaxDoc)
            .Select(doc => (Doc: doc, Text: searcher.Doc(doc).Get(IndexFields.Body)))
            .Where(p => p.Text is not null)
            .Select(p => (p.Doc, p.Text!))];
}
