using KnowledgeBase.Core.Configuration;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>Builds the embedding generator the "Embeddings" configuration names.</summary>
public static class EmbeddingGeneratorFactory
{
    public static bool IsEnabled(EmbeddingOptions options) =>
        !string.Equals(options.Provider, "none", StringComparison.OrdinalIgnoreCase);

    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options) =>
        options.Provider.ToLowerInvariant() switch
        {
            _ => throw new ConfigurationException(
                $"Embeddings:Provider: '{options.Provider}' is not a provider; use builtin, onnx, openai or none"),
        };
}
