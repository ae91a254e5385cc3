using System.Diagnostics;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace KnowledgeBase.Tests.Cli;

public sealed class CrashSafetyTests : IDisposable
{
    private const int ReadableFiles = 6;

    private readonly TempFolder _temp = new();

    /// <summary>
    /// The last file (by name) is a named pipe that nobody writes: `kb ingest` blocks reading it with its index open
    /// for writing, after every other file was committed. Killing it there is a crash at a known point, so the count
    /// of committed documents is exact rather than whatever a timer happened to catch.
    /// </summary>
    [Fact]
    public void KilledMidIngest_IndexStaysConsistent_AndNextRunCompletes()
    {
        var folder = _temp.Folder("docs");
        foreach (var pdf in System.IO.Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "corpus"), "nist_*.pdf"))
        {
            _temp.Copy(pdf, Path.Combine("docs", Path.GetFileName(pdf)));
        }
        for (var i = 1; i <= ReadableFiles - 3; i++)
        {
            _temp.Write($"docs/notice-{i}.txt", $"Notice {i}\n\nIncident handling notice number {i} for the operations team.\n");
        }
        var blocking = _temp.Combine("docs", "zz-blocking.txt");
        MakeNamedPipe(blocking);
        var indexPath = _temp.Combine("index");

        using (var ingest = KbProcess.Start("ingest", folder, "--index", indexPath))
        {
            WaitForIndexedLines(ingest, ReadableFiles);
            Assert.False(ingest.HasExited);
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();
        }

        AssertEveryDocumentComplete(indexPath, out var committed);
        Assert.Equal(ReadableFiles, committed);
        using (var directory = FSDirectory.Open(indexPath))
        {
            Assert.True(new CheckIndex(directory).DoCheckIndex().Clean);
        }

        File.Delete(blocking);
        File.WriteAllText(blocking, "Late notice\n\nThe file that could not be read before the crash.\n");
        var (exitCode, output, _) = KbProcess.Run("ingest", folder, "--index", indexPath);

        Assert.Equal(0, exitCode);
        Assert.Equal(ReadableFiles, output.Split('\n').Count(l => l.StartsWith("unchanged", StringComparison.Ordinal)));
        Assert.Single(output.Split('\n'), l => l.StartsWith("indexed", StringComparison.Ordinal) && l.Contains("zz-blocking.txt"));
        AssertEveryDocumentComplete(indexPath, out var total);
        Assert.Equal(ReadableFiles + 1, total);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Reads kb's one-line-per-file progress until <paramref name="count"/> files were indexed (each committed).</summary>
    private static void WaitForIndexedLines(Process ingest, int count)
    {
        var indexed = 0;
        var seen = new List<string>();
        while (indexed < count && ingest.StandardOutput.ReadLine() is { } line)
        {
            seen.Add(line);
            indexed += line.StartsWith("indexed", StringComparison.Ordinal) ? 1 : 0;
        }
        Assert.True(indexed == count, $"kb ingest ended after {indexed} of {count} files: {string.Join(" | ", seen)}");
    }

    private static void MakeNamedPipe(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
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
