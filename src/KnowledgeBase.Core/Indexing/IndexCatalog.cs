using KnowledgeBase.Core.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// What listings, lookups and searching need about every document, read once per commit (it is keyed by the
/// reader of that commit, so no write has to invalidate it): the records and the document id of every Lucene
/// document (facets and edition ranking look it up for a thousand candidates per query, and stored-field reads that
/// often would cost more than the search).
/// </summary>
public sealed class IndexCatalog
{
    /// <summary>Shortest prefix that finds a document: shorter ones would name different documents as the index grows.</summary>
    public const int MinPrefixLength = 6;

    private static readonly ISet<string> DocumentIdOnly = new HashSet<string> { IndexFields.DocumentId };

    private readonly string[] _documentIds;
    private readonly Dictionary<string, DocumentRecord> _byId;

    private IndexCatalog(IndexReader? reader, IReadOnlyList<DocumentRecord> records, string[] documentIds)
    {
        Reader = reader;
        All = records;
        _byId = records.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _documentIds = documentIds;
    }

    internal static IndexCatalog Empty { get; } = new(null, [], []);

    internal IndexReader? Reader { get; }

    /// <summary>Every document's record, by title.</summary>
    public IReadOnlyList<DocumentRecord> All { get; }

    /// <summary>Every document's record by id (any letter case).</summary>
    public IReadOnlyDictionary<string, DocumentRecord> Records => _byId;

    internal static IndexCatalog Load(IndexSearcher searcher, IReadOnlyList<DocumentRecord> records)
    {
        var reader = searcher.IndexReader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var ids = new string[reader.MaxDoc];
        for (var doc = 0; doc < ids.Length; doc++)
        {
            ids[doc] = liveDocs is null || liveDocs.Get(doc) ? reader.Document(doc, DocumentIdOnly).Get(IndexFields.DocumentId) : "";
        }
        return new IndexCatalog(reader, records, ids);
    }

    /// <summary>The document with exactly this id (any letter case), or null.</summary>
    public DocumentRecord? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The one rule for ids typed by hand, in `kb` and in URLs alike: the exact id, or an unambiguous prefix of at
    /// least <see cref="MinPrefixLength"/> characters (any letter case); otherwise null.
    /// </summary>
    public DocumentRecord? Find(string idOrPrefix)
    {
        if (Get(idOrPrefix) is { } exact)
        {
            return exact;
        }
        if (idOrPrefix.Length < MinPrefixLength)
        {
            return null;
        }
        var matches = All.Where(r => r.Id.StartsWith(idOrPrefix, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    internal string DocumentIdOf(int doc) => _documentIds[doc];
}
