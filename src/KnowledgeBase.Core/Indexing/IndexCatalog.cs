using System.Runtime.CompilerServices;
using KnowledgeBase.Core.Documents;
using Lucene.Net.Index;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// What listings, lookups and searching need about every document, assembled once per commit (it is keyed by the
/// reader of that commit, so no write has to invalidate it) from per-segment parts that are read once per segment
/// (<see cref="SegmentCatalog"/>): the records and the document id of every Lucene document (facets and edition
/// ranking look it up for a thousand candidates per query, and stored-field reads that often would cost more than
/// the search).
/// </summary>
public sealed class IndexCatalog
{
    /// <summary>Shortest prefix that finds a document: shorter ones would name different documents as the index grows.</summary>
    public const int MinPrefixLength = 6;

    // Segments are immutable, so their part is cached for as long as the segment lives (its core cache key).
    private static readonly ConditionalWeakTable<object, SegmentCatalog> BySegmentCore = new();

    private readonly SegmentCatalog[] _segments;
    private readonly int[] _docBases;
    private readonly Dictionary<string, DocumentRecord> _byId;

    private IndexCatalog(IndexReader? reader, IReadOnlyList<DocumentRecord> records, SegmentCatalog[] segments, int[] docBases, IReadOnlySet<string> indexedFields)
    {
        Reader = reader;
        IndexedFields = indexedFields;
        All = records;
        _byId = records.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _segments = segments;
        _docBases = docBases;
    }

    internal static IndexCatalog Empty { get; } = new(null, [], [], [], new HashSet<string>());

    /// <summary>
    /// The fields that hold terms in this commit: a query need not search a language's fields when no passage of
    /// that language has been indexed.
    /// </summary>
    internal IReadOnlySet<string> IndexedFields { get; }

    /// <summary>The per-segment parts, in the reader's segment order.</summary>
    internal IReadOnlyList<SegmentCatalog> Segments => _segments;

    internal IndexReader? Reader { get; }

    /// <summary>Every document's record, by title.</summary>
    public IReadOnlyList<DocumentRecord> All { get; }

    /// <summary>Every document's record by id (any letter case).</summary>
    public IReadOnlyDictionary<string, DocumentRecord> Records => _byId;

    /// <summary>The catalog of a commit: the live records of its segments, by title, and their document ids.</summary>
    internal static IndexCatalog Load(IndexReader reader)
    {
        var leaves = reader.Leaves;
        var segments = new SegmentCatalog[leaves.Count];
        var docBases = new int[leaves.Count];
        var records = new List<DocumentRecord>();
        var indexedFields = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < leaves.Count; i++)
        {
            var segment = leaves[i].AtomicReader;
            segments[i] = BySegmentCore.GetValue(segment.CoreCacheKey, _ => SegmentCatalog.Load(segment));
            docBases[i] = leaves[i].DocBase;
            indexedFields.UnionWith(segment.FieldInfos.Where(f => f.IsIndexed).Select(f => f.Name));
            var live = segment.LiveDocs;
            records.AddRange(segments[i].Records.Where(r => live is null || live.Get(r.Doc)).Select(r => r.Record));
        }
        return new IndexCatalog(reader, records.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ToList(), segments, docBases, indexedFields);
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

    /// <summary>The document id of a Lucene document of this commit (a top-level doc, as searches return it).</summary>
    internal string DocumentIdOf(int doc)
    {
        var segment = ReaderUtil.SubIndex(doc, _docBases);
        return _segments[segment].DocumentIdOf(doc - _docBases[segment]);
    }
}
