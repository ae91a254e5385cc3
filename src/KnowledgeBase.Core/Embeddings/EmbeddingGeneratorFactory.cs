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
            "builtin" => Keyed(() => Onnx.OnnxEmbeddingGenerator.LoadBuiltin(options)),
            "onnx" => Keyed(() => Onnx.OnnxEmbeddingGenerator.Load(options)),
            "openai" => Keyed(() => OpenAi.OpenAiEmbeddingGenerator.Create(options)),
            _ => throw new ConfigurationException(
                $"Embeddings:Provider: '{options.Provider}' is not a provider; use builtin, onnx, openai or none"),
        };

    // The providers say which key is wrong at the start of their messages ("Embeddings:ModelPath: …").
    private static IEmbeddingGenerator<string, Embedding<float>> Keyed(Func<IEmbeddingGenerator<string, Embedding<float>>> create)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

}
