using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Search;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeBase.Tests.Indexing;

public sealed class SmallBlockCodecTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void NewSegments_AreWrittenWithSmallStoredFieldBlocks()
    {
        using (var index = KeywordIndex.OpenForWriting(_temp.Combine("index")))
        {
            IndexedDocuments.Add(index, "jm", "Jamaica national cyber security strategy and incident response.", new DocumentMetadata());
        }

        Assert.Equal(["KnowledgeBase46"], SegmentCodecs(_temp.Combine("index")));
    }

    [Fact]
    public void AnIndexOfEarlierSegments_IsStillSearchedAndTakesNewOnes()
    {
        // An index written before this codec: the same documents, rewritten with Lucene's own 4.6 format.
        using (var index = KeywordIndex.OpenForWriting(_temp.Combine("new")))
        {
            IndexedDocuments.Add(index, "jm", "Jamaica national cyber security strategy and incident response.", new DocumentMetadata());
        }
        Rewrite(_temp.Combine("new"), _temp.Combine("old"));
        Assert.Equal(["Lucene46"], SegmentCodecs(_temp.Combine("old")));

        using (var index = KeywordIndex.OpenForWriting(_temp.Combine("old")))
        {
            IndexedDocuments.Add(index, "ke", "Kenya national incident response team.", new DocumentMetadata());

            var hits = index.Search(new SearchRequest("incident response", 10)).Hits;

            Assert.Equal(["jm", "ke"], hits.Select(h => h.DocumentId).Order());
            Assert.All(hits, h => Assert.Contains("incident", h.Snippet, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(["KnowledgeBase46", "Lucene46"], SegmentCodecs(_temp.Combine("old")).Order());
    }

    public void Dispose() => _temp.Dispose();

    private static List<string> SegmentCodecs(string path)
    {
        using var directory = FSDirectory.Open(path);
        var segments = new SegmentInfos();
        segments.Read(directory);
        return segments.Select(s => s.Info.Codec.Name).Distinct().ToList();
    }

    private static void Rewrite(string from, string to)
    {
        using var source = FSDirectory.Open(from);
        using var target = FSDirectory.Open(to);
        using var reader = DirectoryReader.Open(source);
        using var writer = new IndexWriter(target, new IndexWriterConfig(LuceneVersion.LUCENE_48, null) { Codec = new Lucene46Codec() });
        writer.AddIndexes(reader);
        writer.SetCommitData(reader.IndexCommit.UserData);
        writer.Commit();
    }
}
