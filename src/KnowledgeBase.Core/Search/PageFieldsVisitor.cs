using KnowledgeBase.Core.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Reads the stored fields of a passage that <see cref="StoredHit"/> shows, and stops once it has them all: a passage
/// also stores its kind and its character range and table flag, stored last, which no result uses.
/// </summary>
internal sealed class PageFieldsVisitor() : DocumentStoredFieldVisitor(Shown)
{
    private static readonly HashSet<string> Shown =
    [
        IndexFields.DocumentId, IndexFields.Source, IndexFields.Title, IndexFields.DisplayIdentifier, IndexFields.Heading,
        IndexFields.Body, IndexFields.Language, IndexFields.Clause, IndexFields.Ordinal, IndexFields.PageStart, IndexFields.PageEnd,
    ];

    private int _missing = Shown.Count;

    public override Status NeedsField(FieldInfo fieldInfo)
    {
        if (_missing == 0)
        {
            return Status.STOP;
        }
        if (!Shown.Contains(fieldInfo.Name))
        {
            return Status.NO;
        }
        _missing--;
        return Status.YES;
    }
}
