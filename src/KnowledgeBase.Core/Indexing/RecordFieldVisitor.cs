using Lucene.Net.Index;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Reads a document row's record and stops there. The row stores its whole extracted text after the record
/// (<see cref="LuceneDocuments.ForRecord"/>); a visitor that only says "no" to that field still has Lucene
/// decompress and skip it, megabytes for a long PDF, which made reading 96 records the largest part of opening the
/// catalog (a `kb search` start-up, and every commit while the service ingests). Stopping leaves it unread.
/// </summary>
internal sealed class RecordFieldVisitor : StoredFieldVisitor
{
    public string? Json { get; private set; }

    public override Status NeedsField(FieldInfo fieldInfo) =>
        Json is not null ? Status.STOP
        : fieldInfo.Name == IndexFields.Record ? Status.YES
        // Stored after the record, so it is never reached once the record is read; NO if a row ever lacked one.
        : Status.NO;

    public override void StringField(FieldInfo fieldInfo, string value) => Json = value;
}
