using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Core.Configuration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers parsers, chunker, the OCR engine, the embedding model, the ingestion runner and search settings: the one composition
    /// entry of every host. Without <paramref name="embeddings"/> (or with provider "none") nothing is embedded.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(
        this IServiceCollection services, EmbeddingOptions? embeddings = null, SearchOptions? search = null, ChunkingOptions? chunking = null,
        OcrOptions? ocr = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(chunking ?? new ChunkingOptions());
        services.AddSingleton(search ?? new SearchOptions());
        services.AddSingleton<IDocumentParser, PdfParser>();
        services.AddSingleton<IDocumentParser, DocxParser>();
        services.AddSingleton<IDocumentParser, HtmlParser>();
        services.AddSingleton<IDocumentParser, PlainTextParser>();
        services.AddSingleton<ParserRegistry>();
        services.AddSingleton<StructureChunker>();
        services.AddSingleton(_ => new LanguageDetector());
        if (embeddings is not null && EmbeddingGeneratorFactory.IsEnabled(embeddings))
        {
            services.AddSingleton(embeddings);
            services.AddSingleton(_ => new PassageEmbedder(() => EmbeddingGeneratorFactory.Create(embeddings), embeddings));
        }
        services.AddSingleton(ocr ?? new OcrOptions());
        // One engine, so its bound on OCR processes holds across every ingestion run of the host.
        services.AddSingleton<OcrEngine>();
        services.AddSingleton<IngestionRunner>();
        services.AddSingleton<Reindexer>();
        return services;
    }
}
