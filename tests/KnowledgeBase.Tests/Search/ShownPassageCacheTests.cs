using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

/// <summary>
/// A passage's shown fields from the cache must be those read from the index, for a passage indexed again with new
/// fields too, and the cache must stay within its capacity.
/// </summary>
public sealed class ShownPassageCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public ShownPassageCacheTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Get_ReadsAPassageOnceAndThenGivesTheSameFields()
    {
        IndexedDocuments.Add(_index, "guide", "Operators report ransomware to the regulator within 24 hours.",
            new DocumentMetadata { Title = "Incident guide", Identifier = "X.1056" });
        var cache = new ShownPassageCache();

        var (read, first, second) = _index.Read((searcher, _) =>
        {
            var doc = Passages(searcher).Single();
            return (ShownPassageCache.Read(searcher, doc), cache.Get(searcher, doc), cache.Get(searcher, doc));
        }, default);

        Assert.Equal(read, first);
        Assert.Same(first, second);
        Assert.Equal(("guide", "Incident guide", "Operators report ransomware to the regulator within 24 hours."), (first.DocumentId, first.Title, first.Text));
    }

    [Fact]
    public void Search_AfterADocumentIsIndexedAgain_ShowsItsNewTitleAndText()
    {
        IndexedDocuments.Add(_index, "guide", "Ransomware incidents go to the national team.", new DocumentMetadata { Title = "Old title" });
        var first = _index.Search(new SearchRequest("ransomware", 10)).Hits.Single();

        IndexedDocuments.Add(_index, "guide", "Operators report ransomware to the regulator.", new DocumentMetadata { Title = "New title" });
        var second = _index.Search(new SearchRequest("ransomware", 10)).Hits.Single();

        Assert.Equal(("Old title", "Ransomware incidents go to the national team."), (first.Title, first.Text));
        Assert.Equal(("New title", "Operators report ransomware to the regulator."), (second.Title, second.Text));
    }

    [Fact]
    public void Get_MorePassagesThanTheCapacity_HoldsNoMoreThanTheCapacityAndStillAnswers()
    {
        for (var i = 0; i < 40; i++)
        {
            IndexedDocuments.Add(_index, $"d{i}", $"Passage {i}: incident response plan number {i}.", new DocumentMetadata { Title = $"d{i}" });
        }
        var cache = new ShownPassageCache(capacity: 10);

        var counts = _index.Read((searcher, _) =>
        {
            var seen = new List<int>();
            for (var round = 0; round < 2; round++)
            {
                foreach (var doc in Passages(searcher))
                {
                    Assert.Equal(ShownPassageCache.Read(searcher, doc), cache.Get(searcher, doc));
                    seen.Add(cache.Count);
                }
            }
            return seen;
        }, []);

        Assert.Equal(80, counts.Count);
        Assert.All(counts, count => Assert.InRange(count, 1, 10));
    }

    /// <summary>The searcher's passages (document rows have no body text).</summary>
    private static List<int> Passages(Lucene.Net.Search.IndexSearcher searcher) =>
        [.. Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(doc => searcher.Doc(doc).Get(IndexFields.Body) is not null)];
}
