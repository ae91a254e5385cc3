using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

/// <summary>
/// Term-at-a-time top-k scored from the per-commit cache of clauses (terms, phrases, exclusions, prefixes) gives
/// Lucene's own hits and scores to the bit: cold and cached, for another boost, after a commit, under a tiny bound and
/// from several threads at once.
/// </summary>
public sealed class TermClauseCacheTests : IDisposable
{
    private static readonly string[] Questions =
    [
        "incident response team",
        "how do operators report a security incident to the national team?",
        "\"incident response\" reporting",
        "réponse aux incidents",
        "网络安全事件",
        "incident reporting -malware",
        "incident + response",
        "incid* \"response team\"",
    ];

    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public TermClauseCacheTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        Add("jm", "Jamaica national cyber security strategy: incident response and incident reporting by operators.", "en");
        Add("ke", "Kenya sets up a national incident response team for critical infrastructure incidents.", "en");
        Add("gh", "Ghana cyber security act: the response team handles security incidents and reporting.", "en");
        Add("sn", "Stratégie nationale de cybersécurité du Sénégal : réponse aux incidents et équipe de réponse.", "fr");
        Add("cn", "国家网络安全事件应急预案，网络安全事件响应与报告。", "zh");
    }

    [Fact]
    public void Search_ColdAndCached_GivesLucenesHitsAndScoresToTheBit()
    {
        _index.Read((searcher, catalog) =>
        {
            var cache = new TermClauseCache(searcher.IndexReader, searcher.Similarity);
            foreach (var question in Questions)
            {
                var clauses = Clauses(question, catalog);
                var cold = TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache);
                var held = cache.Count;
                var cached = TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache);

                Assert.NotEmpty(cold.ScoreDocs);
                Assert.Equal(Lucene(searcher, clauses), Hits(cold));
                Assert.Equal(held, cache.Count); // the second search was answered from the cache alone
                Assert.Equal(Lucene(searcher, clauses), Hits(cached));
            }
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_TheSameTermsWithAnotherBoost_ScoresWithThatBoost()
    {
        _index.Read((searcher, catalog) =>
        {
            var cache = new TermClauseCache(searcher.IndexReader, searcher.Similarity);
            var clauses = Clauses("national \"incident response\"", catalog);
            // Every other clause (terms and phrases) boosted: a cache that ignored boosts would give the first search's
            // scores back.
            var boosted = clauses.Select((clause, i) =>
            {
                var copy = (Query)clause.Clone();
                copy.Boost *= i % 2 == 0 ? 3 : 1;
                return copy;
            }).ToList();

            var plain = Hits(TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache));
            var reweighted = Hits(TermAtATimeSearch.Search(searcher, boosted, 100, cache: cache));

            Assert.Equal(Lucene(searcher, clauses), plain);
            Assert.Equal(Lucene(searcher, boosted), reweighted);
            Assert.NotEqual(plain, reweighted);
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_AQuotedPhrase_IsKeptForTheNextSearch()
    {
        _index.Read((searcher, catalog) =>
        {
            var cache = new TermClauseCache(searcher.IndexReader, searcher.Similarity);
            var clauses = Clauses("\"incident response\"", catalog);
            Assert.All(clauses, c => Assert.IsType<PhraseQuery>(c));

            var cold = Hits(TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache));
            var held = cache.Count;
            var cached = Hits(TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache));

            Assert.Equal(clauses.Count, held);
            Assert.Equal(held, cache.Count);
            Assert.NotEmpty(cold);
            Assert.Equal(Lucene(searcher, clauses), cold);
            Assert.Equal(cold, cached);
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_AfterACommitThatAddsAndDeletes_EqualsAFreshLuceneSearch()
    {
        const string question = "national incident response team reporting";
        var before = _index.Read((searcher, catalog) => ById(searcher, TermAtATimeSearch.Search(searcher, Clauses(question, catalog), 100)), []);
        Add("gy", "Guyana national incident response: the team takes incident reports around the clock.", "en");
        Add("tt", "Trinidad and Tobago incident response team, reporting and national coordination.", "en");
        _index.Delete("ke");

        _index.Read((searcher, catalog) =>
        {
            var clauses = Clauses(question, catalog);
            var top = TermAtATimeSearch.Search(searcher, clauses, 100);
            var after = ById(searcher, top);

            Assert.Equal(Lucene(searcher, clauses), Hits(top));
            Assert.Contains(before, h => h.Id == "ke");
            Assert.DoesNotContain(after, h => h.Id == "ke");
            Assert.Contains(after, h => h.Id == "gy");
            // New document frequencies: a cache that kept the previous commit's statistics would score "jm" as before.
            Assert.NotEqual(before.First(h => h.Id == "jm").Score, after.First(h => h.Id == "jm").Score);
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_WithATinyBound_StaysExactAndWithinIt()
    {
        _index.Read((searcher, catalog) =>
        {
            // Room for about two clauses: the cache starts over again and again, and some lists never fit.
            var cache = new TermClauseCache(searcher.IndexReader, searcher.Similarity, capacity: 40);
            for (var round = 0; round < 3; round++)
            {
                foreach (var question in Questions)
                {
                    var clauses = Clauses(question, catalog);
                    Assert.Equal(Lucene(searcher, clauses), Hits(TermAtATimeSearch.Search(searcher, clauses, 100, cache: cache)));
                    Assert.InRange(cache.Held, 0, cache.Capacity);
                }
            }
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_FromSeveralThreadsAtOnce_GivesEachLucenesResults()
    {
        _index.Read((searcher, catalog) =>
        {
            var questions = Questions.Select(q => Clauses(q, catalog)).ToList();
            var expected = questions.Select(clauses => Lucene(searcher, clauses)).ToList();
            // A small bound makes the threads start new generations while others read and add.
            var cache = new TermClauseCache(searcher.IndexReader, searcher.Similarity, capacity: 200);
            var wrong = 0;
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var q = i % questions.Count;
                if (!expected[q].SequenceEqual(Hits(TermAtATimeSearch.Search(searcher, questions[q], 100, cache: cache))))
                {
                    Interlocked.Increment(ref wrong);
                }
            });

            Assert.Equal(0, wrong);
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_WithAnotherCommitsCache_IsRefused()
    {
        var stale = _index.Read((searcher, _) => new TermClauseCache(searcher.IndexReader, searcher.Similarity), null!);
        Add("gy", "Guyana national incident response.", "en");

        _index.Read((searcher, catalog) =>
        {
            Assert.Throws<ArgumentException>(() => TermAtATimeSearch.Search(searcher, Clauses("incident", catalog), 10, cache: stale));
            return 0;
        }, 0);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private IReadOnlyList<Query> Clauses(string question, IndexCatalog catalog) =>
        DisjunctionFlattener.Flatten(KeywordQueryBuilder.Build(question, _index.QueryAnalyzer, null, catalog.IndexedFields).Query);

    /// <summary>Lucene's own Boolean scoring of the same clauses.</summary>
    private static List<(int Doc, float Score)> Lucene(IndexSearcher searcher, IReadOnlyList<Query> clauses)
    {
        var flat = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
        {
            flat.Add(clause, Occur.SHOULD);
        }
        return Hits(searcher.Search(flat, 100));
    }

    private static List<(int Doc, float Score)> Hits(TopDocs top) => top.ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();

    private static List<(string Id, float Score)> ById(IndexSearcher searcher, TopDocs top) =>
        top.ScoreDocs.Select(d => (searcher.Doc(d.Doc).Get(IndexFields.DocumentId), d.Score)).ToList();

    private void Add(string id, string text, string language) =>
        IndexedDocuments.Add(_index, id, text, new DocumentMetadata { Type = "national-strategy", CountryCode = id.ToUpperInvariant(), Region = "Americas", Year = 2020 }, language);
}
