using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Which sources and contents the index already holds, loaded once per run so that unchanged files and
/// duplicates are recognised before they are parsed. Thread-safe.
/// </summary>
public sealed class IngestionCatalog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DocumentRecord> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentRecord> _byHash = new(StringComparer.Ordinal);

    public IngestionCatalog(IEnumerable<DocumentRecord> records)
    {
        foreach (var record in records)
        {
            Add(record);
        }
    }

    /// <summary>The outcome that makes parsing needless, or null when the file must be (re)ingested.</summary>
    public IngestionOutcome? Check(SourceFile file, string contentHash)
    {
        lock (_lock)
        {
            if (_bySource.TryGetValue(file.Source, out var same) && same.ContentHash == contentHash)
            {
                return new IngestionOutcome(file, IngestionStatus.Unchanged, same.Id, same.PageCount, same.ChunkCount,
                    "unchanged since last ingested");
            }
            if (_byHash.TryGetValue(contentHash, out var copy) && copy.Source != file.Source)
            {
                return new IngestionOutcome(file, IngestionStatus.Duplicate, copy.Id, Reason: $"same content as {copy.Source}");
            }
            return null;
        }
    }

    public bool HasSource(string source)
    {
        lock (_lock)
        {
            return _bySource.ContainsKey(source);
        }
    }

    public void Add(DocumentRecord record)
    {
        lock (_lock)
        {
            if (_bySource.Remove(record.Source, out var previous))
            {
                _byHash.Remove(previous.ContentHash);
            }
            _bySource[record.Source] = record;
            _byHash[record.ContentHash] = record;
        }
    }
}
