using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Core.Configuration;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers parsers, chunker and ingestion runner: the one composition entry of every host.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, ChunkingOptions? chunking = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(chunking ?? new ChunkingOptions());
        services.AddSingleton<IDocumentParser, PdfParser>();
        services.AddSingleton<IDocumentParser, DocxParser>();
        services.AddSingleton<IDocumentParser, HtmlParser>();
        services.AddSingleton<IDocumentParser, PlainTextParser>();
        services.AddSingleton<ParserRegistry>();
        services.AddSingleton<StructureChunker>();
        services.AddSingleton(_ => new LanguageDetector());
        services.AddSingleton<IngestionRunner>();
        services.AddSingleton<Reindexer>();
        return services;
    }
}
