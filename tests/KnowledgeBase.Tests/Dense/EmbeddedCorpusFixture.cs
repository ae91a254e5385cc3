using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Dense;

/// <summary>SP 800-61r2 and SP 800-150 ingested once with the built-in model, shared by the dense search tests.</summary>
public sealed class EmbeddedCorpusFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public EmbeddedCorpusFixture()
    {
        IndexPath = _temp.Combine("index");
        var services = new ServiceCollection().AddKnowledgeBase().AddSingleton(TestModels.Embedder()).BuildServiceProvider();
        var (files, _) = SourceFileFinder.Find([TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"), TestPaths.SampleCorpus("nist_sp800-150_2016.pdf")]);
        using var index = KeywordIndex.OpenForWriting(IndexPath);
        Summary = services.GetRequiredService<IngestionRunner>().RunAsync(index, files, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string IndexPath { get; }

    public IngestionSummary Summary { get; }

    public static SearchService Search(KeywordIndex index, Core.Embeddings.PassageEmbedder? embedder, SearchOptions? options = null) =>
        new(index, options ?? new SearchOptions(), embedder);

    public void Dispose() => _temp.Dispose();
}
