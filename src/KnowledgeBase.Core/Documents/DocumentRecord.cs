using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Core.Documents;

/// <summary>What the index knows about one ingested document, apart from its chunks.</summary>
public sealed record DocumentRecord
{
    /// <summary>Stable id: derived from the source and the content hash, so the same file always gets the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Where the file came from (its full path for files ingested from disk).</summary>
    public required string Source { get; init; }

    public required string Title { get; init; }

    public required string MediaType { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    public required long SizeBytes { get; init; }

    public required int PageCount { get; init; }

    public required int ChunkCount { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>The document's own identifiers, normalised ("X.1056", "SP800-61R2").</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    public IReadOnlyList<int> ImageOnlyPages { get; init; } = [];

    /// <summary>Pages whose text was read by OCR (scans, garbage text layers); their confidence is on each page span.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the document is (type, identifier, dates, country …), extracted or from a sidecar file.</summary>
    public DocumentMetadata Metadata { get; init; } = new();

    /// <summary>ISO 639-1 code of the document's main language, if it could be told.</summary>
    public string? Language { get; init; }

    /// <summary>The model that embedded the chunks ("builtin:snowflake-arctic-embed-xs:384"); null when they carry no vectors.</summary>
    public string? EmbeddingModel { get; init; }
}
