using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Ocr;

/// <summary>The real ingestion pipeline with chosen OCR options, as the hosts compose it.</summary>
internal static class OcrIngestion
{
    public static string ScannedNistFixture { get; } =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Ocr", "nist-sp800-61r2-scanned.pdf");

    public static IngestionSummary Run(string indexPath, OcrOptions options, string path, IProgress<PageProgress>? pages = null)
    {
        using var services = new ServiceCollection().AddKnowledgeBase(ocr: options).BuildServiceProvider();
        var (files, _) = SourceFileFinder.Find([path]);
        using var index = KeywordIndex.OpenForWriting(indexPath);
        return services.GetRequiredService<IngestionRunner>().RunAsync(index, files, null, pages, CancellationToken.None).GetAwaiter().GetResult();
    }
}
