using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>The state of one file as it passes through the steps; each step fills in its part.</summary>
public sealed class IngestionContext(SourceFile file)
{
    public SourceFile File { get; } = file;

    /// <summary>Where per-page progress of slow steps (OCR) goes; null when nobody watches.</summary>
    public IProgress<PageProgress>? PageProgress { get; init; }

    public ReadOnlyMemory<byte> Content { get; set; }

    public string ContentHash { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public ExtractedDocument? Extracted { get; set; }

    public IReadOnlyList<Chunk> Chunks { get; set; } = [];

    public DocumentMetadata Metadata { get; set; } = new();

    public IReadOnlyList<string> MetadataWarnings { get; set; } = [];

    public string? Language { get; set; }

    /// <summary>The model that embedded <see cref="Chunks"/>; null when they carry no vectors.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>The document's title: from its metadata, else from the parser, else the file name.</summary>
    public string Title => Metadata.Title ?? Extracted?.Title ?? System.IO.Path.GetFileNameWithoutExtension(File.Path);

    /// <summary>Set by a step that finishes the file early (unchanged, duplicate) or by the index step.</summary>
    public IngestionOutcome? Outcome { get; set; }
}
