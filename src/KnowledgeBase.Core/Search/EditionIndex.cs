using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Edition chains: documents with the same identifier, newest first. The newest edition not stated to be
/// superseded is in force and the older ones are superseded; an amendment or corrigendum joins the chain of the
/// Recommendation it modifies and keeps the status it states (in force unless it says otherwise).
/// </summary>
public sealed class EditionIndex
{
    public const string InForce = "in-force";
    public const string Superseded = "superseded";

    private readonly Dictionary<string, IReadOnlyList<Edition>> _chainByDocument = [];
    private readonly Dictionary<string, string> _statusByDocument = [];
    private readonly HashSet<string> _superseded;

    public EditionIndex(IEnumerable<DocumentRecord> records)
    {
        var groups = records
            .Where(r => (r.Metadata.BaseIdentifier ?? r.Metadata.Identifier) is not null)
            .GroupBy(r => (r.Metadata.ModificationKind is null ? r.Metadata.Identifier : r.Metadata.BaseIdentifier ?? r.Metadata.Identifier)!, StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            var chain = Resolve(group.OrderByDescending(r => r.Metadata.ApprovalDate ?? "", StringComparer.Ordinal).ToList());
            foreach (var edition in chain)
            {
                _chainByDocument[edition.DocumentId] = chain;
                _statusByDocument[edition.DocumentId] = edition.Status;
            }
        }
        foreach (var record in records.Where(r => r.Metadata.Status is not null && !_statusByDocument.ContainsKey(r.Id)))
        {
            _statusByDocument[record.Id] = record.Metadata.Status!;
        }
        // Built once per commit's catalog: every search reads it, none changes it.
        _superseded = _statusByDocument.Where(s => s.Value == Superseded).Select(s => s.Key).ToHashSet();
    }

    /// <summary>"in-force", "superseded", or null for a document nothing is known about.</summary>
    public string? StatusOf(string documentId) => _statusByDocument.GetValueOrDefault(documentId);

    public IReadOnlyList<Edition> ChainOf(string documentId) => _chainByDocument.GetValueOrDefault(documentId) ?? [];

    public IReadOnlySet<string> SupersededDocuments() => _superseded;

    private static List<Edition> Resolve(List<DocumentRecord> newestFirst)
    {
        var chain = new List<Edition>();
        var currentFound = false;
        foreach (var record in newestFirst)
        {
            var metadata = record.Metadata;
            string status;
            if (metadata.ModificationKind is not null)
            {
                status = metadata.Status ?? InForce;
            }
            else if (!currentFound && metadata.Status != Superseded)
            {
                status = InForce;
                currentFound = true;
            }
            else
            {
                status = Superseded;
            }
            chain.Add(new Edition(record.Id, metadata.Identifier ?? "", metadata.ApprovalDate, status, metadata.ModificationKind));
        }
        return chain;
    }
}
