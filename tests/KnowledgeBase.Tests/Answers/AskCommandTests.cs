using System.Text.Json;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Answers;

public sealed class AskCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _indexPath;

    public AskCommandTests()
    {
        _indexPath = _temp.Combine("index");
        using var index = KeywordIndex.OpenForWriting(_indexPath);
        AnswerFixtures.AddIncidentDocuments(index);
    }

    [Fact]
    public void KbAskJson_PrintsTheAnswerWithNumberedCitations()
    {
        var (code, output, error) = KbProcess.Run("--index", _indexPath, "ask", "What are the phases of the incident response life cycle?", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("extractive", json.RootElement.GetProperty("kind").GetString());
        var citation = json.RootElement.GetProperty("citations").EnumerateArray().First();
        Assert.Contains("detection and analysis", citation.GetProperty("passage").GetString(), StringComparison.Ordinal);
        Assert.Contains($"[{citation.GetProperty("marker").GetInt32()}]", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KbAsk_EmptyQuestion_FailsWithTheFieldNamed()
    {
        var (code, _, error) = KbProcess.Run("--index", _indexPath, "ask", " ");

        Assert.Equal(1, code);
        Assert.Contains("question", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KbEvalAnswers_PrintsATableAndWritesJson()
    {
        var questions = _temp.Write("questions.jsonl", """
            {"id":"q1","topic":"ir","question":"What are the phases of the incident response life cycle?","facts":["detection and analysis"],"documents":["phases.txt"]}
            {"id":"q2","topic":"none","question":"What is the best recipe for a chocolate cake?","not_found":true}
            """);
        var report = _temp.Combine("report.json");

        var (code, output, error) = KbProcess.Run("--index", _indexPath, "eval", "--answers", questions, "--out", report);

        Assert.True(code == 0, error);
        Assert.Contains("| all | 2 | 1 |", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var scores = json.RootElement.GetProperty("scores").EnumerateArray().ToList();
        // Only the phases document is expected and only it holds the fact, so precision is one over the citations.
        Assert.Equal(1.0 / scores[0].GetProperty("citations").GetInt32(), scores[0].GetProperty("citationPrecision").GetDouble(), 6);
        Assert.Equal(1.0, scores[0].GetProperty("factRecall").GetDouble());
        Assert.True(scores[1].GetProperty("correctNotFound").GetBoolean());
    }

    public void Dispose() => _temp.Dispose();
}
