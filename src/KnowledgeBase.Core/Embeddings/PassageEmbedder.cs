using BitFaster.Caching.Lru;
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
    /// <summary>Questions whose vectors are kept (about 1.5 KB each with the built-in model's 384 dimensions).</summary>
    public const int QuestionsKept = 1024;

    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _generator;
    private readonly IReadOnlyList<string> _languages;
    private readonly Lazy<string> _modelId;

    // A question comes back: its next page, another filter, the answer built on its search. Its vector depends on the
    // model only, not on the index, so it is kept across commits, which the result cache is not; embedding it again
    // took 1.4-1.5 ms of a core a hybrid search (search-profile).
    private readonly ConcurrentLru<string, float[]> _questions = new(QuestionsKept);

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

    /// <summary>The question's vector; a new array each time, so a caller may change its own.</summary>
    public async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        if (_questions.TryGet(text, out var kept))
        {
            return kept.ToArray();
        }
        var embeddings = await _generator.Value.GenerateAsync([text], EmbeddingInput.Query(), cancellationToken);
        var vector = embeddings[0].Vector.ToArray();
        _questions.AddOrUpdate(text, vector.ToArray());
        return vector;
    }

    private static string Describe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var provider = metadata?.ProviderName ?? generator.GetType().Name;
        var model = metadata?.DefaultModelId ?? "default";
        return metadata?.DefaultModelDimensions is { } dimensions ? $"{provider}:{model}:{dimensions}" : $"{provider}:{model}";
    }
}
