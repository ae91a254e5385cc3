using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

/// <summary>No query text, however long, builds more BooleanQuery clauses than Lucene allows.</summary>
public sealed class LongQueryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("words")]
    [InlineData("identifiers")]
    [InlineData("chinese")]
    public void A_very_long_query_is_searched_by_its_beginning_instead_of_failing(string kind)
    {
        var indexPath = _temp.Combine("index");
        Ingest.Paths(indexPath, _temp.Write("one.txt", "Lighthouse keepers report incidents to the national team.\n"));
        using var index = KeywordIndex.OpenForReading(indexPath);
        var query = kind switch
        {
            "words" => "lighthouse " + string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}")),
            "identifiers" => "lighthouse " + string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"X.{i}")),
            _ => "lighthouse " + new string([.. Enumerable.Range(0, 5000).Select(i => (char)(0x4E00 + i % 2000))]),
        };

        var results = index.Search(new SearchRequest(query));

        Assert.NotEmpty(results.Hits);
    }

    public void Dispose() => _temp.Dispose();
}
