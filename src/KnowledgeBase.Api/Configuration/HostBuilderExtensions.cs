using KnowledgeBase.Api.Jobs;
using KnowledgeBase.Api.Storage;
using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Configuration;

/// <summary>The service's composition: options, Core, the one writable index and the ingestion worker.</summary>
internal static class HostBuilderExtensions
{
    public static void AddKnowledgeBaseOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OptionsValidators>();
        builder.Services.AddSingleton<IValidateOptions<ServiceOptions>>(sp => sp.GetRequiredService<OptionsValidators>());
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>>(sp => sp.GetRequiredService<OptionsValidators>());
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>>(sp => sp.GetRequiredService<OptionsValidators>());
        builder.Services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
    }

    public static void AddKnowledgeBaseServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(ServiceOptions.Section);
        services.AddKnowledgeBase(
            section.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions(),
            section.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions(),
            ocr: section.GetSection(OcrOptions.SectionName).Get<OcrOptions>() ?? new OcrOptions());
        services.AddSingleton<DataFolders>();
        // One writer per index folder (Lucene's lock): ingestion, deletes and searches all share this instance,
        // whose searchers are refreshed after every commit.
        services.AddSingleton(sp => KeywordIndex.OpenForWriting(sp.GetRequiredService<DataFolders>().Index, searchedWhileWriting: true));
        services.TryAddSingleton<SearchService>();
        services.AddSingleton(section.GetSection(AnswerOptions.SectionName).Get<AnswerOptions>() ?? new AnswerOptions());
        // The embedder is used for sentences only when Answers:SentenceSimilarity is above 0 (see AnswerOptions).
        services.AddSingleton(sp => new AnswerService(
            sp.GetRequiredService<SearchService>(), sp.GetRequiredService<AnswerOptions>(), sp.GetService<PassageEmbedder>(), sp.GetRequiredService<ILogger<AnswerService>>()));
        services.AddSingleton<OriginalFiles>();
        services.AddSingleton<StateFileWriter>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobSubmitter>();
        services.AddSingleton<UploadReader>();
        services.AddSingleton<IngestionScheduler>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ServiceMetrics>();
        services.AddHostedService<IngestionWorker>();
        // The worker fails a job alone; should anything still escape it, ingestion stops but search must not.
        services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
    }
}
