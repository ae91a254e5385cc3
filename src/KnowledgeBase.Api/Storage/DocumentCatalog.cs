using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Storage;

/// <summary>
/// Every document's record and the edition chains, cached between writes: listings and hit enrichment would
/// otherwise read all records per request. Every write in this process goes through the shared index and calls
/// <see cref="Invalidate"/> after its commit, so the cache is never older than the last commit.
/// </summary>
internal sealed class DocumentCatalog(KeywordIndex index)
{
    private long _version;
    private Snapshot? _snapshot;

    public IReadOnlyList<DocumentRecord> All => Current().Records;

    public EditionIndex Editions => Current().Editions;

    /// <summary>By id, or by an unambiguous prefix of at least 6 characters, as ids are typed by hand.</summary>
    public DocumentRecord? Find(string idOrPrefix)
    {
        var snapshot = Current();
        if (snapshot.ById.TryGetValue(idOrPrefix, out var exact))
        {
            return exact;
        }
        if (idOrPrefix.Length < 6)
        {
            return null;
        }
        var matches = snapshot.Records.Where(r => r.Id.StartsWith(idOrPrefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public DocumentRecord? Get(string id) => Current().ById.GetValueOrDefault(id);

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _snapshot, null);
    }

    private Snapshot Current()
    {
        if (Volatile.Read(ref _snapshot) is { } cached)
        {
            return cached;
        }
        var version = Interlocked.Read(ref _version);
        var records = index.ListDocuments();
        var snapshot = new Snapshot(records, records.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase), new EditionIndex(records));
        // A write that happened while loading makes this snapshot stale: use it for this call, keep it for none.
        if (Interlocked.Read(ref _version) == version)
        {
            Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        }
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyList<DocumentRecord> Records, Dictionary<string, DocumentRecord> ById, EditionIndex Editions);
}
