using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Answers;

/// <summary>The repository's NIST sample PDFs ingested once per test class into a temporary index; tests only read it.</summary>
public sealed class NistIndexFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public NistIndexFixture()
    {
        var path = _temp.Combine("index");
        Ingest.Paths(path, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"), TestPaths.SampleCorpus("nist_sp800-150_2016.pdf"),
            TestPaths.SampleCorpus("nist_cswp_csf-1.1_2018.pdf"));
        Index = KeywordIndex.OpenForReading(path);
    }

    internal KeywordIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        _temp.Dispose();
    }
}
