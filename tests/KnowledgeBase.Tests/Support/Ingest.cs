using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Support;

/// <summary>Runs the real ingestion pipeline, as `kb ingest` composes it, into an index folder.</summary>
internal static class Ingest
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddKnowledgeBase().BuildServiceProvider();

    public static IngestionSummary Paths(string indexPath, params string[] paths)
    {
        var (files, _) = SourceFileFinder.Find(paths);
        using var index = KeywordIndex.OpenForWriting(indexPath);
        return Services.GetRequiredService<IngestionRunner>().RunAsync(index, files, null, CancellationToken.None).GetAwaiter().GetResult();
    }
}
