using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Dense;

/// <summary>Vectors follow their passages through re-ingestion, model changes and reindexing; they never mix models.</summary>
public sealed class EmbeddingLifecycleTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    private static IngestionRunner Runner(PassageEmbedder? embedder) =>
        new(new ParserRegistry([new PlainTextParser()]), new StructureChunker(new ChunkingOptions()), new LanguageDetector(), TimeProvider.System, embedder);

    private async Task<IngestionSummary> IngestAsync(PassageEmbedder? embedder, params string[] paths)
    {
        var (files, _) = SourceFileFinder.Find(paths);
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        return await Runner(embedder).RunAsync(index, files, null, CancellationToken.None);
    }

    private string WriteClauses(string name, params string[] clauses) =>
        _temp.Write(name, string.Join("\n\n", clauses.Select((text, i) => $"# {i + 1} Clause {i + 1}\n\n{text}")));

    private static readonly string[] Clauses =
    [
        "A national CIRT coordinates the response to computer security incidents across the country and its sectors.",
        "Operators report significant incidents to the regulator within seventy-two hours of detecting them.",
        "The strategy funds awareness campaigns for small businesses, schools and the general public every year.",
    ];

    [Fact]
    public async Task ReIngestingAChangedFile_EmbedsOnlyThePassagesThatChanged()
    {
        var counting = new CountingEmbeddingGenerator(TestModels.Builtin);
        var file = WriteClauses("policy.md", Clauses);
        await IngestAsync(TestModels.Embedder(counting), file);
        var first = counting.Embedded;

        WriteClauses("policy.md", Clauses[0], "Operators report significant incidents to the national CIRT within twenty-four hours.", Clauses[2]);
        await IngestAsync(TestModels.Embedder(counting), file);

        Assert.True(first >= 3, $"{first} embedded at first");
        Assert.Equal(1, counting.Embedded - first);
        using var index = KeywordIndex.OpenForReading(IndexPath);
        Assert.Equal(index.ListDocuments().Single().ChunkCount, index.CountVectors());
    }

    [Fact]
    public async Task IngestingWithAnotherModel_OrWithNone_IsRefused_AndStoresNothing()
    {
        await IngestAsync(TestModels.Embedder(), WriteClauses("a.md", Clauses));
        var other = TestModels.Embedder(new CountingEmbeddingGenerator(TestModels.Builtin, modelId: "other"));

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => IngestAsync(other, WriteClauses("b.md", Clauses[1])));
        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => IngestAsync(null, WriteClauses("c.md", Clauses[2])));

        using var index = KeywordIndex.OpenForReading(IndexPath);
        Assert.Single(index.ListDocuments());
    }

    [Fact]
    public async Task ReindexWithEmbeddings_SwitchesTheWholeIndexToTheNewModel_InOneCommit()
    {
        await IngestAsync(TestModels.Embedder(), WriteClauses("a.md", Clauses), WriteClauses("b.md", Clauses[1], Clauses[2]));
        var other = TestModels.Embedder(new CountingEmbeddingGenerator(TestModels.Builtin, modelId: "other"));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var reindexer = new Reindexer(new StructureChunker(new ChunkingOptions()), new LanguageDetector(), other);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => reindexer.RunAsync(index, rebuildEmbeddings: false, null, CancellationToken.None));
        Assert.Equal(TestModels.BuiltinId, index.EmbeddingModel);
        var count = await reindexer.RunAsync(index, rebuildEmbeddings: true, null, CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal("test:other:512", index.EmbeddingModel);
        Assert.Equal(index.ListDocuments().Sum(d => d.ChunkCount), index.CountVectors());
        Assert.All(index.ListDocuments(), d => Assert.Equal("test:other:512", d.EmbeddingModel));
    }

    [Fact]
    public async Task ANewIndexWithNoDocumentsYet_AnswersHybridSearchWithNoHits_NotAReindexError()
    {
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        var search = new SearchService(index, new SearchOptions(), TestModels.Embedder());

        var results = await search.SearchAsync(new SearchRequest("national CIRT", 10) { Mode = SearchMode.Hybrid }, CancellationToken.None);

        Assert.Null(search.DenseUnavailable());
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task AnIndexWithoutVectors_GetsThemFromReindex_NotFromNewFiles()
    {
        await IngestAsync(null, WriteClauses("a.md", Clauses));

        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => IngestAsync(TestModels.Embedder(), WriteClauses("b.md", Clauses[1])));
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        await new Reindexer(new StructureChunker(new ChunkingOptions()), new LanguageDetector(), TestModels.Embedder())
            .RunAsync(index, rebuildEmbeddings: true, null, CancellationToken.None);

        Assert.Contains("holds no vectors", error.Message, StringComparison.Ordinal);
        Assert.Equal(TestModels.BuiltinId, index.EmbeddingModel);
        Assert.Equal(index.ListDocuments().Single().ChunkCount, index.CountVectors());
    }

    public void Dispose() => _temp.Dispose();
}
