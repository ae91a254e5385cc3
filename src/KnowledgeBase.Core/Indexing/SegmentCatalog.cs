using KnowledgeBase.Core.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// What the catalog needs from one Lucene segment: the document id of each of its Lucene documents, and the records
/// it holds. Segments never change once written (deletions live apart, in live docs), so this is read once per
/// segment, and a commit costs only its new segments, not a pass over every passage in the index.
/// </summary>
internal sealed class SegmentCatalog
{
    private readonly SortedDocValues _documentIds;
    private readonly string[] _idByOrdinal;

    private SegmentCatalog(SortedDocValues documentIds, string[] idByOrdinal, IReadOnlyList<(int Doc, DocumentRecord Record)> records)
    {
        _documentIds = documentIds;
        _idByOrdinal = idByOrdinal;
        Records = records;
    }

    /// <summary>The segment's document records, with their segment-local Lucene doc, deleted ones included.</summary>
    public IReadOnlyList<(int Doc, DocumentRecord Record)> Records { get; }

    /// <summary>The document id of a segment-local Lucene doc; "" for one without (there are none).</summary>
    public string DocumentIdOf(int doc) => _documentIds.GetOrd(doc) is var ordinal and >= 0 ? _idByOrdinal[ordinal] : "";

    public static SegmentCatalog Load(AtomicReader reader)
    {
        // Lucene's field cache un-inverts the id field from the terms index: one pass over the segment's ids, not
        // a stored-field read per passage.
        var documentIds = FieldCache.DEFAULT.GetTermsIndex(reader, IndexFields.DocumentId);
        var idByOrdinal = new string[documentIds.ValueCount];
        var term = new BytesRef();
        for (var ordinal = 0; ordinal < idByOrdinal.Length; ordinal++)
        {
            documentIds.LookupOrd(ordinal, term);
            idByOrdinal[ordinal] = term.Utf8ToString();
        }
        var records = new List<(int, DocumentRecord)>();
        // Deleted documents too (no live docs given): deletions change without the segment changing, so they are
        // applied when a commit's catalog is assembled.
        var kinds = reader.GetTerms(IndexFields.Kind)?.GetEnumerator();
        if (kinds is not null && kinds.SeekExact(new BytesRef(IndexFields.DocumentKind)))
        {
            var documents = kinds.Docs(null, null, DocsFlags.NONE);
            for (var doc = documents.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.NextDoc())
            {
                // Only the record: not the document's whole extracted text, stored after it.
                var visitor = new RecordFieldVisitor();
                reader.Document(doc, visitor);
                records.Add((doc, KeywordIndex.ReadRecord(visitor.Json!)));
            }
        }
        return new SegmentCatalog(documentIds, idByOrdinal, records);
    }
}
