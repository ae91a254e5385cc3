using Microsoft.Extensions.AI;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The configured embedding model as the rest of the code uses it: a document's passages at once (the generator cuts
/// them into batches of similar length), one query at a time, and a
/// model id that the index records so vectors of two models are never compared. The model is loaded on first use,
/// so a keyword search never pays for it.
/// </summary>
public sealed class PassageEmbedder
{
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _generator;
    private readonly IReadOnlyList<string> _languages;
    private readonly Lazy<string> _modelId;

    public PassageEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingOptions options)
        : this(() => generator, options)
    {
    }

    public PassageEmbedder(Func<IEmbeddingGenerator<string, Embedding<float>>> load, EmbeddingOptions options)
    {
        _generator = new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(load);
        _modelId = new Lazy<string>(() => Describe(_generator.Value));
        _languages = options.Resolved().Languages!;
    }

    /// <summary>Whether the model understands text in this language; an unknown language is given the benefit of the doubt.</summary>
    public bool Understands(string? language) =>
        language is null || _languages.Count == 0 || _languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>"provider:model:dimensions", e.g. "builtin:snowflake-arctic-embed-xs:384".</summary>
    public string ModelId => _modelId.Value;

    public async Task<float[][]> EmbedPassagesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var embeddings = await _generator.Value.GenerateAsync(texts, EmbeddingInput.Passage(), cancellationToken);
        return embeddings.Select(e => e.Vector.ToArray()).ToArray();
    }

    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        var embeddings = await _generator.Value.GenerateAsync([text], EmbeddingInput.Query(), cancellationToken);
        return embeddings[0].Vector.ToArray();
    }

    private static string Describe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var provider = metadata?.ProviderName ?? generator.GetType().Name;
        var model = metadata?.DefaultModelId ?? "default";
        return metadata?.DefaultModelDimensions is { } dimensions ? $"{provider}:{model}:{dimensions}" : $"{provider}:{model}";
    }
}
