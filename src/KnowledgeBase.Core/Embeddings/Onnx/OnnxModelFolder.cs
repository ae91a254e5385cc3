using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>Checks the settings and the model folder before anything runs; every message starts with the config key.</summary>
internal static class OnnxModelFolder
{
    private const string SentenceEmbedding = "sentence_embedding";

    /// <summary>The full folder path and the model.onnx inside it.</summary>
    public static (string Folder, string Model) Find(EmbeddingOptions options)
    {
        var folder = options.ModelPath;
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new InvalidOperationException("Embeddings:ModelPath: required when Embeddings:Provider is onnx.");
        }
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"Embeddings:ModelPath: folder {folder} does not exist.");
        }
        Validate(options);

        // Hugging Face repositories keep the export in onnx/ beside the tokenizer files at the top.
        var model = new[] { Path.Combine(folder, "model.onnx"), Path.Combine(folder, "onnx", "model.onnx") }
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Embeddings:ModelPath: no model.onnx in {folder}.");
        return (folder, model);
    }

    /// <summary>Loads the model and refuses one that does not look like a sentence-transformers export.</summary>
    public static InferenceSession Open(string model, EmbeddingOptions options) =>
        Open(model, sessionOptions => new InferenceSession(model, sessionOptions), options);

    /// <summary>
    /// Loads a prepared model (fused, quantised), checked the same way. ONNX Runtime optimises its graph as it loads
    /// it; when the model came from <see cref="PreparedModelCache"/> the optimised graph is written beside it and later
    /// loads read that instead, without optimising again or reading the prepared model (together 0.35 s of a 2.1 s
    /// `kb search --mode hybrid`, tools/bench-startup.sh). The file is named for this machine's instruction sets, since
    /// ONNX Runtime may pick kernels and layouts for them; one that cannot be read is optimised and written again.
    /// </summary>
    public static InferenceSession Open(string name, PreparedModelCache.Prepared prepared, EmbeddingOptions options)
    {
        if (prepared.Folder is null)
        {
            return Open(name, prepared.Load, options);
        }
        var optimised = Path.Combine(prepared.Folder, OptimisedFileName());
        if (File.Exists(optimised))
        {
            try
            {
                return Open(name, sessionOptions =>
                {
                    sessionOptions.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
                    return new InferenceSession(optimised, sessionOptions);
                }, options);
            }
            catch (InvalidOperationException)
            {
                // Damaged or from another version of ONNX Runtime: optimise again and replace it below.
            }
        }
        var staging = $"{optimised}.{Environment.ProcessId}.{Guid.NewGuid():n}";
        InferenceSession session;
        try
        {
            session = Open(name, sessionOptions =>
            {
                sessionOptions.OptimizedModelFilePath = staging;
                return prepared.Load(sessionOptions);
            }, options);
        }
        catch (InvalidOperationException)
        {
            // The optimised graph could not be written there: load without keeping it (a bad model fails here again).
            return Open(name, prepared.Load, options);
        }
        try
        {
            File.Move(staging, optimised, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The entry went away meanwhile (a newer version replaced it): the next load optimises again.
        }
        return session;
    }

    /// <summary>"optimised-" and a hash of the processor architecture and the x86 instruction sets ONNX Runtime's kernels choose among.</summary>
    private static string OptimisedFileName()
    {
        var machine = string.Join(',', RuntimeInformation.ProcessArchitecture, Avx2.IsSupported, Avx512F.IsSupported, Avx512BW.IsSupported,
            Avx512Vbmi.IsSupported, AvxVnni.IsSupported);
        return $"optimised-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(machine)))[..12]}.onnx";
    }

    /// <summary>
    /// Every graph optimisation (fused layer norm, GELU, quantised MatMuls), sequential execution of one pass on
    /// <see cref="EmbeddingOptions.Threads"/> threads, and ONNX Runtime's memory arena. Without the arena every op's
    /// output was a fresh allocation, so large ones came from the kernel as new zeroed pages each time: the int8 model
    /// spent 20 of its 73 ms CPU a passage in page faults, and 30 ms in all with the arena (8 × 256 tokens,
    /// embeddings-profile). The arena keeps what one pass needed; with attention fused (no tokens² tensors) and
    /// batches of at most <see cref="OnnxEmbeddingGenerator.TokensPerBatch"/> tokens that is tens of megabytes.
    /// </summary>
    private static InferenceSession Open(string model, Func<SessionOptions, InferenceSession> create, EmbeddingOptions options)
    {
        InferenceSession session;
        try
        {
            using var sessionOptions = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                IntraOpNumThreads = Math.Max(0, options.Threads),
                InterOpNumThreads = 1,
                EnableCpuMemArena = true,
            };
            session = create(sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException($"Embeddings:ModelPath: ONNX Runtime cannot load {model}: {e.Message}", e);
        }

        var output = OutputName(session);
        if (session.OutputMetadata[output].ElementDataType is not (TensorElementType.Float or TensorElementType.Float16))
        {
            session.Dispose();
            throw new InvalidOperationException($"Embeddings:ModelPath: {model} output '{output}' is not float or float16.");
        }
        if (!session.InputMetadata.ContainsKey("input_ids") || !session.InputMetadata.ContainsKey("attention_mask"))
        {
            var inputs = string.Join(", ", session.InputMetadata.Keys);
            session.Dispose();
            throw new InvalidOperationException(
                $"Embeddings:ModelPath: {model} takes ({inputs}), not input_ids and attention_mask; is it a sentence-transformers export?");
        }
        return session;
    }

    /// <summary>A pooled sentence_embedding wins; else the per-token last_hidden_state; else whatever comes first.</summary>
    public static string OutputName(InferenceSession session) =>
        session.OutputMetadata.ContainsKey(SentenceEmbedding) ? SentenceEmbedding
        : session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state"
        : session.OutputNames[0];

    public static void Validate(EmbeddingOptions options)
    {
        if (!Pooling.IsCls(options.Pooling) && !string.Equals(options.Pooling, "mean", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Embeddings:Pooling: '{options.Pooling}' is neither 'mean' nor 'cls'.");
        }
        if (options.BatchSize < 1)
        {
            throw new InvalidOperationException($"Embeddings:BatchSize: {options.BatchSize} is below 1.");
        }
        if (options.MaxTokens < 3)
        {
            throw new InvalidOperationException(
                $"Embeddings:MaxTokens: {options.MaxTokens} leaves no room for text between the start and end tokens.");
        }
        if (options.Precision is { } precision && !string.Equals(precision, ModelPrecision.FullPrecision, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(precision, ModelPrecision.Quantized, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Embeddings:Precision: '{precision}' is neither '{ModelPrecision.FullPrecision}' nor '{ModelPrecision.Quantized}'.");
        }
        if (options.Dimensions is < 1)
        {
            throw new InvalidOperationException($"Embeddings:Dimensions: {options.Dimensions} is below 1.");
        }
    }
}
