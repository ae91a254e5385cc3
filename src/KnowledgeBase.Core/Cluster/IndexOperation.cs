using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// One entry of the index log. A put carries everything a search node needs to index the document without parsing
/// or embedding anything itself: the record, the extracted text and the chunks with their vectors.
/// </summary>
public sealed record IndexOperation
{
    public required IndexOperationKind Kind { get; init; }

    public DocumentRecord? Record { get; init; }

    public ExtractedDocument? Extracted { get; init; }

    public IReadOnlyList<Chunk>? Chunks { get; init; }

    /// <summary>The document a delete removes.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The model a set-model entry records, or the model a rebase's snapshot was embedded by.</summary>
    public string? Model { get; init; }

    /// <summary>The object in <c>kb-snapshots</c> a rebase replaces the index with.</summary>
    public string? Snapshot { get; init; }

    /// <summary>The log sequence the rebase's snapshot holds: always the entry just before the rebase.</summary>
    public long? SnapshotSequence { get; init; }

    public static IndexOperation Put(DocumentRecord record, ExtractedDocument extracted, IReadOnlyList<Chunk> chunks) =>
        new() { Kind = IndexOperationKind.Put, Record = record, Extracted = extracted, Chunks = chunks };

    public static IndexOperation Delete(string documentId) => new() { Kind = IndexOperationKind.Delete, DocumentId = documentId };

    public static IndexOperation SetModel(string model) => new() { Kind = IndexOperationKind.SetModel, Model = model };

    public static IndexOperation Rebase(string snapshot, long snapshotSequence, string model) =>
        new() { Kind = IndexOperationKind.Rebase, Snapshot = snapshot, SnapshotSequence = snapshotSequence, Model = model };
}
