using System.Text.Json;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

public sealed class KbCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    [Fact]
    public void BatchSearch_WritesOneJsonLinePerQuery_WithTheContractFields()
    {
        KbProcess.Run("ingest", TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"), "--index", IndexPath);
        var queries = _temp.Write("queries.jsonl",
            """
            {"id": "q1", "query": "SP 800-61"}
            {"id": "q2", "query": "lessons learned meeting after an incident"}
            """);

        var (exitCode, output, error) = KbProcess.Run("search", "--batch", queries, "--top", "3", "--json", "--index", IndexPath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["q1", "q2"], lines.Select(l => l.GetProperty("id").GetString()));
        var hit = lines[1].GetProperty("hits")[0];
        foreach (var field in new[] { "documentId", "title", "source", "clause", "pageStart", "pageEnd", "score", "snippet" })
        {
            Assert.True(hit.TryGetProperty(field, out _), $"missing {field}");
        }
        Assert.Equal(3, lines[0].GetProperty("hits").GetArrayLength());
        Assert.EndsWith("nist_sp800-61r2_2012.pdf", hit.GetProperty("source").GetString());
        Assert.StartsWith("3.4", hit.GetProperty("clause").GetString());
    }

    [Fact]
    public void BatchSearch_BadLine_IsNamedWithItsNumber_AndOtherLinesStillRun()
    {
        KbProcess.Run("ingest", _temp.Write("doc.txt", "Patch management guidance.\n"), "--index", IndexPath);
        var queries = _temp.Write("queries.jsonl", "{\"id\": \"ok\", \"query\": \"patch\"}\nnot json\n{\"id\": \"x\"}\n");

        var (exitCode, output, error) = KbProcess.Run("search", "--batch", queries, "--json", "--index", IndexPath);

        Assert.Equal(1, exitCode);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 2", error);
        Assert.Contains("line 3", error);
        Assert.Contains("query", error);
    }

    [Fact]
    public void Ingest_BadFiles_OneClearLineEach_NoStackTrace()
    {
        var folder = _temp.Folder("in");
        _temp.Write("in/good.md", "# Guide\n\nBackups are tested monthly.\n");
        File.WriteAllBytes(_temp.Combine("in", "zero.pdf"), []);
        File.WriteAllBytes(_temp.Combine("in", "broken.docx"), "PK\u0003\u0004garbage"u8.ToArray());

        var (exitCode, output, error) = KbProcess.Run("ingest", folder, "--index", IndexPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("zero.pdf (empty file (0 bytes))", output);
        Assert.Contains("broken.docx", output);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public void Ingest_NothingReadable_ExitsNonZero()
    {
        File.WriteAllBytes(_temp.Combine("zero.txt"), []);

        var (exitCode, _, _) = KbProcess.Run("ingest", _temp.Combine("zero.txt"), "--index", IndexPath);
        var (missingCode, _, missingError) = KbProcess.Run("ingest", _temp.Combine("nope"), "--index", IndexPath);

        Assert.Equal(1, exitCode);
        Assert.Equal(1, missingCode);
        Assert.Contains("no such file or folder", missingError);
    }

    [Fact]
    public void ListShowDelete_RoundTripThroughJson()
    {
        KbProcess.Run("ingest", _temp.Write("a.txt", "Alpha text.\n"), _temp.Write("b.txt", "Beta text.\n"), "--index", IndexPath);

        var list = JsonDocument.Parse(KbProcess.Run("list", "--json", "--index", IndexPath).Output).RootElement;
        var id = list[0].GetProperty("id").GetString()!;
        var show = KbProcess.Run("show", id[..8], "--json", "--index", IndexPath);
        var delete = KbProcess.Run("delete", id, "--index", IndexPath);
        var after = JsonDocument.Parse(KbProcess.Run("list", "--json", "--index", IndexPath).Output).RootElement;
        var missing = KbProcess.Run("show", id, "--index", IndexPath);

        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal(id, JsonDocument.Parse(show.Output).RootElement.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(1, after.GetArrayLength());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"no document with id {id}", missing.Error);
    }

    public void Dispose() => _temp.Dispose();
}
