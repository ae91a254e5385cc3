using KnowledgeBase.Core.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// What searching needs about every document, read once per commit: the records and the document id of every
/// Lucene document (facets and edition ranking look it up for a thousand candidates per
/// query, and stored-field reads that often would cost more than the search).
/// </summary>
internal sealed class IndexCatalog
{
    private static readonly ISet<string> DocumentIdOnly = new HashSet<string> { IndexFields.DocumentId };

    private readonly string[] _documentIds;

    private IndexCatalog(IndexReader reader, IReadOnlyList<DocumentRecord> records, string[] documentIds)
    {
        Reader = reader;
        Records = records.ToDictionary(r => r.Id);
        _documentIds = documentIds;
    }

    public IndexReader Reader { get; }

    public IReadOnlyDictionary<string, DocumentRecord> Records { get; }

    public static IndexCatalog Load(IndexSearcher searcher, IReadOnlyList<DocumentRecord> records)
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

    public string DocumentIdOf(int doc) => _documentIds[doc];
}
