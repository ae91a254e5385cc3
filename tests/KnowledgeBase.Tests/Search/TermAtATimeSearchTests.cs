using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class TermAtATimeSearchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public TermAtATimeSearchTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        Add("jm", "Jamaica national cyber security strategy: incident response and incident reporting by operators.", "JM", "Americas", "en");
        Add("ke", "Kenya sets up a national incident response team for critical infrastructure incidents.", "KE", "Africa", "en");
        Add("gh", "Ghana cyber security act: the response team handles security incidents and reporting.", "GH", "Africa", "en");
        Add("sn", "Stratégie nationale de cybersécurité du Sénégal : réponse aux incidents et équipe de réponse.", "SN", "Africa", "fr");
        Add("co", "Política nacional de seguridad digital de Colombia: respuesta a incidentes cibernéticos.", "CO", "Americas", "es");
        Add("cn", "国家网络安全事件应急预案，网络安全事件响应与报告。", "CN", "Asia", "zh");
        Add("gone", "Incident response team reporting incidents, a document deleted afterwards.", "FJ", "Oceania", "en");
        _index.Delete("gone");
    }

    [Theory]
    [InlineData("incident response team")]
    [InlineData("how do operators report a security incident to the national team?")]
    [InlineData("\"incident response\" reporting")]
    [InlineData("réponse aux incidents")]
    [InlineData("网络安全事件")]
    [InlineData("X.1056 incident")]
    [InlineData("incident response -reporting")]
    [InlineData("incident + response team")]
    public void Search_GivesLucenesHitsOrderAndScores(string text)
    {
        _index.Read((searcher, catalog) =>
        {
            var (nested, _) = KeywordQueryBuilder.Build(text, _index.QueryAnalyzer, null, catalog.IndexedFields);
            var clauses = DisjunctionFlattener.Flatten(nested);
            var flat = new BooleanQuery(disableCoord: true);
            foreach (var clause in clauses)
            {
                flat.Add(clause, Occur.SHOULD);
            }

            var ours = TermAtATimeSearch.Search(searcher, clauses, 100);
            var lucene = searcher.Search(flat, 100);
            var luceneNested = searcher.Search(nested, 100);

            Assert.NotEmpty(ours.ScoreDocs);
            Assert.Equal(lucene.TotalHits, ours.TotalHits);
            Assert.Equal(lucene.ScoreDocs.Select(d => (d.Doc, d.Score)), ours.ScoreDocs.Select(d => (d.Doc, d.Score)));
            Assert.Equal(luceneNested.ScoreDocs.Select(d => d.Doc), ours.ScoreDocs.Select(d => d.Doc));
            return 0;
        }, 0);
    }

    [Fact]
    public void Search_LeavesOutDeletedDocuments()
    {
        var hits = _index.Search(new SearchRequest("incident response team reporting", 10)).Hits;

        Assert.Contains(hits, h => h.DocumentId == "ke");
        Assert.DoesNotContain(hits, h => h.DocumentId == "gone");
    }

    [Fact]
    public void Search_WithAnExcludedWord_FindsPassagesOnly()
    {
        // "-malware" is "every document without malware" to the simple parser: records too, unless restricted.
        var hits = _index.Search(new SearchRequest("incident response -malware", 10)).Hits;

        Assert.Equal(["cn", "co", "gh", "jm", "ke", "sn"], hits.Select(h => h.DocumentId).Order());
    }

    [Fact]
    public void Filter_RestrictsWithoutChangingScoresOrOrder()
    {
        // Africa holds three documents, each of its own country: scored filter terms would add each country's weight.
        var request = new SearchRequest("incident response team", 10);
        var all = _index.Search(request).Hits;
        var africa = _index.Search(request with { Filters = new SearchFilters { Countries = ["KE", "GH", "SN"] } }).Hits;

        Assert.Equal(["gh", "ke", "sn"], africa.Select(h => h.DocumentId).Order());
        Assert.Equal(
            all.Where(h => h.DocumentId is "ke" or "gh" or "sn").Select(h => (h.DocumentId, h.Score)),
            africa.Select(h => (h.DocumentId, h.Score)));
    }

    [Fact]
    public void Filter_AfterACommitAddsADocumentItAllows_FindsThatDocument()
    {
        // The passages a filter allows are kept per commit: the same filter after a commit must see the new document.
        var request = new SearchRequest("incident response team", 10) { Filters = new SearchFilters { Countries = ["KE", "NG"] } };
        var before = _index.Search(request).Hits;
        var again = _index.Search(request).Hits;
        Add("ng", "Nigeria's national incident response team coordinates sector teams.", "NG", "Africa", "en");
        var after = _index.Search(request).Hits;

        Assert.Equal(["ke"], before.Select(h => h.DocumentId));
        Assert.Equal(before.Select(h => (h.DocumentId, h.Score)), again.Select(h => (h.DocumentId, h.Score)));
        Assert.Equal(["ke", "ng"], after.Select(h => h.DocumentId).Order());
    }

    [Fact]
    public void Flatten_KeepsAQueryThatRequiresOrExcludesAWordWhole()
    {
        var requiring = new BooleanQuery
        {
            { new TermQuery(new Term("body_en", "incident")), Occur.MUST },
            { new TermQuery(new Term("body_en", "response")), Occur.SHOULD },
        };
        var excluding = new BooleanQuery
        {
            { new TermQuery(new Term("body_en", "malware")), Occur.MUST_NOT },
            { new MatchAllDocsQuery(), Occur.SHOULD },
        };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body_en", "team")), Occur.SHOULD },
            { requiring, Occur.SHOULD },
            { excluding, Occur.SHOULD },
        };

        var leaves = DisjunctionFlattener.Flatten(query);

        Assert.Equal([typeof(TermQuery), typeof(BooleanQuery), typeof(BooleanQuery)], leaves.Select(l => l.GetType()));
        Assert.Equal(requiring, leaves[1]);
        Assert.Equal(excluding, leaves[2]);
    }

    [Fact]
    public void Flatten_MultipliesTheBoostsAboveEachLeaf()
    {
        var word = new BooleanQuery { { new TermQuery(new Term("title_en", "incident")) { Boost = 2 }, Occur.SHOULD } };
        word.Boost = 0.3f;
        var query = new BooleanQuery { { word, Occur.SHOULD } };

        var leaf = Assert.Single(DisjunctionFlattener.Flatten(query));

        Assert.Equal(0.6f, leaf.Boost, 6);
        Assert.Equal(2f, ((TermQuery)word.Clauses[0].Query).Boost); // the original is left as it was
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private void Add(string id, string text, string country, string region, string language) =>
        IndexedDocuments.Add(_index, id, text, new DocumentMetadata { Type = "national-strategy", CountryCode = country, Region = region, Year = 2020 }, language);
}
