using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.Configuration;

namespace KnowledgeBase.Cli;

/// <summary>
/// Settings from environment variables with the same names as the service's (KB__Embeddings__Provider=none,
/// KB__Search__DefaultMode=hybrid, KB__Answers__Provider=openai), so one environment configures both hosts alike.
/// </summary>
internal sealed record CliSettings(EmbeddingOptions Embeddings, SearchOptions Search, AnswerOptions Answers, OcrOptions Ocr)
{
    public static CliSettings FromEnvironment()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("KB__").Build();
        return new CliSettings(
            configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions(),
            configuration.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions(),
            configuration.GetSection(AnswerOptions.SectionName).Get<AnswerOptions>() ?? new AnswerOptions(),
            configuration.GetSection(OcrOptions.SectionName).Get<OcrOptions>() ?? new OcrOptions());
    }
}
