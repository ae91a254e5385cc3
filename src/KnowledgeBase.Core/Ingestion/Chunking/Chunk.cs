namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// A passage to index and cite: its text is exactly <c>document.Text[Start..End]</c>, and it never crosses a
/// top-level clause. Clause is the number or label of the clause it starts in ("6.2", "Annex A", "Bibliography").
/// </summary>
public sealed record Chunk
{
    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    public required int PageStart { get; init; }

    public required int PageEnd { get; init; }

    public string? Clause { get; init; }

    /// <summary>Headings from the top-level clause down, e.g. ["6 Processes", "6.2 Detection"].</summary>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];

    public bool IsTable { get; init; }

    /// <summary>ISO 639-1 code of the chunk's language, set by the pipeline; null when it could not be told.</summary>
    public string? Language { get; init; }

    /// <summary>The passage's embedding (unit length), set by the embed step when a model is configured.</summary>
    public float[]? Embedding { get; init; }
}
