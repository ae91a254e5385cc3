using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace KnowledgeBase.Tests.Cli;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void KilledMidIngest_IndexStaysConsistent_AndNextRunCompletes()
    {
        var folder = _temp.Folder("docs");
        foreach (var pdf in System.IO.Directory.GetFiles(TestPaths.SharedCorpus("pdf"), "nist_*.pdf"))
        {
            _temp.Copy(pdf, Path.Combine("docs", Path.GetFileName(pdf)));
        }
        var indexPath = _temp.Combine("index");

        using (var ingest = KbProcess.Start("ingest", folder, "--index", indexPath))
        {
            WaitForFirstCommit(indexPath, ingest);
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();
        }

        AssertEveryDocumentComplete(indexPath, out var committed);
        Assert.InRange(committed, 1, 13);
        using (var directory = FSDirectory.Open(indexPath))
        {
            Assert.True(new CheckIndex(directory).DoCheckIndex().Clean);
        }

        var (exitCode, output, _) = KbProcess.Run("ingest", folder, "--index", indexPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("unchanged", output);
        AssertEveryDocumentComplete(indexPath, out var total);
        Assert.Equal(14, total);
    }

    public void Dispose() => _temp.Dispose();

    private static void WaitForFirstCommit(string indexPath, System.Diagnostics.Process ingest)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !ingest.HasExited)
        {
            using var index = KeywordIndex.OpenForReading(indexPath);
            if (index.ListDocuments().Count > 0)
            {
                return;
            }
            Thread.Sleep(20);
        }
        throw new InvalidOperationException("kb ingest committed nothing before it ended");
    }

    /// <summary>Every committed document has exactly the chunks its record says, each with its vector: none half-indexed.</summary>
    private static void AssertEveryDocumentComplete(string indexPath, out int documents)
    {
        using var index = KeywordIndex.OpenForReading(indexPath);
        var records = index.ListDocuments();
        Assert.All(records, r => Assert.Equal(r.ChunkCount, index.CountChunks(r.Id)));
        Assert.Equal(records.Sum(r => r.ChunkCount), index.CountVectors());
        documents = records.Count;
    }
}
