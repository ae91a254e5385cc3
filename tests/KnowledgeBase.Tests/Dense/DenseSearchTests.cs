using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Dense;

public sealed class DenseSearchTests(EmbeddedCorpusFixture corpus) : IClassFixture<EmbeddedCorpusFixture>
{
    [Fact]
    public void Ingestion_RecordsTheModel_AndStoresAVectorForEveryChunk()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);

        Assert.Equal(TestModels.BuiltinId, index.EmbeddingModel);
        var chunks = index.ListDocuments().Sum(d => index.CountChunks(d.Id));
        Assert.True(chunks > 100, $"{chunks} chunks");
        Assert.Equal(chunks, index.CountVectors());
    }

    [Fact]
    public async Task Dense_FindsAParaphrasedQuestion_InTheRightDocument()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var search = EmbeddedCorpusFixture.Search(index, TestModels.Embedder());

        var results = await search.SearchAsync(
            new SearchRequest("how should a company organise the people who handle security incidents?", 5) { Mode = SearchMode.Dense }, CancellationToken.None);

        Assert.Equal(5, results.Hits.Count);
        Assert.All(results.Hits, hit => Assert.InRange(hit.Score, -1.0, 1.0));
        Assert.Contains(results.Hits, hit => hit.Identifier == "SP 800-61r2" && hit.HeadingPath.Contains("Team", StringComparison.OrdinalIgnoreCase));
        Assert.True(results.Hits.Zip(results.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "ranked best first");
    }

    [Fact]
    public async Task DenseAndHybrid_ApplyTheSameFiltersAsKeywordSearch()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var search = EmbeddedCorpusFixture.Search(index, TestModels.Embedder());
        var filters = new SearchFilters { Identifiers = ["SP 800-150"] };

        foreach (var mode in new[] { SearchMode.Dense, SearchMode.Hybrid })
        {
            var hits = (await search.SearchAsync(new SearchRequest("incident handling checklist", 10) { Mode = mode, Filters = filters }, CancellationToken.None)).Hits;

            Assert.NotEmpty(hits);
            Assert.All(hits, hit => Assert.Equal("SP 800-150", hit.Identifier));
        }
    }

    [Theory]
    [InlineData(0f, SearchMode.Bm25)]
    [InlineData(1f, SearchMode.Dense)]
    public async Task HybridBlend_AtEitherExtremeWeight_RanksAsThatModeAlone(float denseWeight, SearchMode alone)
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var options = new SearchOptions { Fusion = FusionMethod.Blend, DenseWeight = denseWeight };
        var search = EmbeddedCorpusFixture.Search(index, TestModels.Embedder(), options);
        const string question = "sharing threat intelligence with trusted partners";

        var single = (await search.SearchAsync(new SearchRequest(question, 8) { Mode = alone }, CancellationToken.None)).Hits;
        var hybrid = (await search.SearchAsync(new SearchRequest(question, 8) { Mode = SearchMode.Hybrid }, CancellationToken.None)).Hits;

        Assert.Equal(single.Select(h => (h.DocumentId, h.ChunkOrdinal)), hybrid.Select(h => (h.DocumentId, h.ChunkOrdinal)));
    }

    [Fact]
    public async Task GroupByDocument_GivesOnePassagePerDocument()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var search = EmbeddedCorpusFixture.Search(index, TestModels.Embedder());

        var hits = (await search.SearchAsync(new SearchRequest("incident", 10) { Mode = SearchMode.Hybrid, GroupByDocument = true }, CancellationToken.None)).Hits;

        Assert.Equal(2, hits.Count);
        Assert.Equal(2, hits.Select(h => h.DocumentId).Distinct().Count());
    }

    [Fact]
    public async Task ExplicitDense_WithoutAModel_IsAClearError_WhileTheDefaultFallsBackToKeywords()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var search = EmbeddedCorpusFixture.Search(index, embedder: null, new SearchOptions { DefaultMode = SearchMode.Hybrid });

        var error = await Assert.ThrowsAsync<ConfigurationException>(() =>
            search.SearchAsync(new SearchRequest("incident", 3) { Mode = SearchMode.Dense }, CancellationToken.None));
        var fallback = await search.SearchAsync(new SearchRequest("incident", 3), CancellationToken.None);

        Assert.StartsWith("Embeddings:Provider", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, fallback.Hits.Count);
    }

    [Fact]
    public async Task Dense_WithAnotherModel_IsRefused_NamingBothModels()
    {
        using var index = KeywordIndex.OpenForReading(corpus.IndexPath);
        var other = TestModels.Embedder(new CountingEmbeddingGenerator(TestModels.Builtin, modelId: "other-model"));
        var search = EmbeddedCorpusFixture.Search(index, other);

        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() =>
            search.SearchAsync(new SearchRequest("incident", 3) { Mode = SearchMode.Hybrid }, CancellationToken.None));

        Assert.Contains(TestModels.BuiltinId, error.Message, StringComparison.Ordinal);
        Assert.Contains("test:other-model:512", error.Message, StringComparison.Ordinal);
        Assert.Contains("kb reindex --embeddings", error.Message, StringComparison.Ordinal);
    }
}
