using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Ingestion;

public sealed class ReindexTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Reindex_WithSmallerChunks_RebuildsFromStoredTextWithoutTheFile()
    {
        var indexPath = _temp.Combine("index");
        var copy = _temp.Copy(TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"), "sp800-150.pdf");
        Ingest.Paths(indexPath, copy);
        File.Delete(copy);
        using var index = KeywordIndex.OpenForWriting(indexPath);
        var before = index.ListDocuments().Single();

        var count = await new Reindexer(new StructureChunker(new ChunkingOptions { MaxTokens = 120, MinTokens = 30 }), new LanguageDetector())
            .RunAsync(index, rebuildEmbeddings: false, null, CancellationToken.None);

        var after = index.ListDocuments().Single();
        Assert.Equal(1, count);
        Assert.Equal(before.Id, after.Id);
        Assert.True(after.ChunkCount > before.ChunkCount, $"{after.ChunkCount} chunks after, {before.ChunkCount} before");
        Assert.Equal(after.ChunkCount, index.CountChunks(after.Id));
        Assert.Equal("SP 800-150", after.Metadata.Identifier);
        Assert.NotEmpty(index.Search(new SearchRequest("cyber threat information sharing")).Hits);
    }

    public void Dispose() => _temp.Dispose();
}
