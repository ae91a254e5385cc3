using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Index;

namespace KnowledgeBase.Tests.Indexing;

/// <summary>
/// A served index prepares each commit's per-segment data on the writer thread, before searches see the commit;
/// a one-off writer (`kb ingest`) does not.
/// </summary>
public sealed class SearcherWarmingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Commit_LoadsTheNewSegmentsVectors_BeforeAnySearch_OnlyForAServedIndex(bool searchedWhileWriting)
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"), searchedWhileWriting);

        IndexedDocuments.Add(index, "first", "Incident response for national teams.", new DocumentMetadata());
        IndexedDocuments.Add(index, "second", "Incident handling in telecom networks.", new DocumentMetadata());

        var loaded = index.Read((searcher, _) => searcher.IndexReader.Leaves.Select(l => index.Vectors.IsLoaded(l.AtomicReader)).ToList(), []);
        Assert.Equal(2, loaded.Count);
        Assert.All(loaded, l => Assert.Equal(searchedWhileWriting, l));
    }

    [Fact]
    public void RecordFieldVisitor_StopsAtTheFieldAfterTheRecord_SoTheExtractedTextIsNeverRead()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(index, "first", "Incident response for national teams.", new DocumentMetadata());
        var fields = index.Read((searcher, _) => searcher.IndexReader.Leaves[0].AtomicReader.FieldInfos, null)!;
        var visitor = new RecordFieldVisitor();

        Assert.Equal(StoredFieldVisitor.Status.NO, visitor.NeedsField(fields.FieldInfo(IndexFields.Kind)));
        Assert.Equal(StoredFieldVisitor.Status.YES, visitor.NeedsField(fields.FieldInfo(IndexFields.Record)));
        visitor.StringField(fields.FieldInfo(IndexFields.Record), "{}");
        Assert.Equal(StoredFieldVisitor.Status.STOP, visitor.NeedsField(fields.FieldInfo(IndexFields.Extracted)));
        Assert.Equal("{}", visitor.Json);
    }

    public void Dispose() => _temp.Dispose();
}
