using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Indexing;

/// <summary>Every change goes through the index's one ordered writer: a later change always wins.</summary>
public sealed class OrderedWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    [Fact]
    public async Task A_delete_while_a_reindex_runs_is_not_undone_by_the_reindex()
    {
        Ingest.Paths(IndexPath, _temp.Write("one.txt", "Alpha lighthouse keeper notes.\n"), _temp.Write("two.txt", "Beta lighthouse keeper notes.\n"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var records = index.ListDocuments();
        var deleted = false;
        // The reindex has read both documents and is about to commit them when the delete of the first one lands.
        var deleteMidway = new InlineProgress(source =>
        {
            if (source == records[1].Source)
            {
                deleted = index.Delete(records[0].Id);
            }
        });

        var count = await new Reindexer(new StructureChunker(new ChunkingOptions()), new LanguageDetector())
            .RunAsync(index, rebuildEmbeddings: false, deleteMidway, CancellationToken.None);

        Assert.True(deleted);
        Assert.Equal(1, count);
        Assert.Null(index.GetDocument(records[0].Id));
        Assert.Equal(0, index.CountChunks(records[0].Id));
        Assert.Equal([records[1].Id], index.Search(new SearchRequest("lighthouse")).Hits.Select(h => h.DocumentId).Distinct());
    }

    [Fact]
    public void Delete_by_an_unambiguous_prefix_deletes_that_document()
    {
        Ingest.Paths(IndexPath, _temp.Write("one.txt", "Alpha lighthouse text.\n"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var id = index.ListDocuments().Single().Id;

        Assert.True(index.Delete(id[..8]));

        Assert.Empty(index.ListDocuments());
        Assert.Equal(0, index.CountChunks(id));
        Assert.Empty(index.Search(new SearchRequest("lighthouse")).Hits);
    }

    [Fact]
    public void A_prefix_shorter_than_the_minimum_finds_nothing_in_lookup_and_delete_alike()
    {
        Ingest.Paths(IndexPath, _temp.Write("one.txt", "Alpha lighthouse text.\n"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var id = index.ListDocuments().Single().Id;
        var tooShort = id[..(IndexCatalog.MinPrefixLength - 1)];

        Assert.Null(index.GetDocument(tooShort));
        Assert.False(index.Delete(tooShort));
        Assert.NotNull(index.GetDocument(id.ToUpperInvariant()));
    }

    [Fact]
    public async Task Parallel_deletes_of_one_document_succeed_exactly_once()
    {
        Ingest.Paths(IndexPath, _temp.Write("one.txt", "Alpha lighthouse text.\n"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var id = index.ListDocuments().Single().Id;
        using var start = new ManualResetEventSlim();

        var deletes = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return index.Delete(id);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(deletes);

        Assert.Single(results, deleted => deleted);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Reports on the reindexer's own thread, between two documents.</summary>
    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
