using System.Text.Json.Nodes;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Compare;

/// <summary>The real `kb compare` process: its formats, a topics file, and errors that name the option.</summary>
public sealed class KbCompareCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _indexPath;

    public KbCompareCommandTests()
    {
        _indexPath = _temp.Combine("index");
        using var index = KeywordIndex.OpenForWriting(_indexPath);
        ComparedDocuments.Add(index, "benin-2020", "BJ", "fr", 2020,
            ("Axe 1", "Le Gouvernement créera un CSIRT national."),
            ("Axe 2", "Le CSIRT national publie des alertes, y compris sur la protection des enfants en ligne."));
    }

    [Fact]
    public void Json_csv_md_and_table_carry_the_same_verdicts()
    {
        var json = JsonNode.Parse(Kb("compare", "--countries", "BJ,TG", "--topics", "national-cirt,child-online-protection", "--format", "json"))!;
        var csv = CsvLines.Parse(Kb("compare", "--countries", "BJ,TG", "--topics", "national-cirt,child-online-protection", "--format", "csv"));
        var md = Kb("compare", "--countries", "BJ,TG", "--topics", "national-cirt,child-online-protection", "--format", "md");
        var table = Kb("compare", "--countries", "BJ,TG", "--topics", "national-cirt,child-online-protection");

        var verdicts = json["cells"]!.AsArray().Select(c => c!["verdict"]!.GetValue<string>()).ToList();
        Assert.Equal(["addressed", "mentioned", "no-documents", "no-documents"], verdicts);
        Assert.Equal(verdicts, csv.Skip(1).Select(l => l[6]));
        Assert.Contains("● addressed", md, StringComparison.Ordinal);
        Assert.Contains("CSIRT", md, StringComparison.Ordinal);
        Assert.Contains("● addressed (score ≥ 2)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topics_file_and_a_free_text_topic_are_compared_too()
    {
        var file = _temp.Write("topics.json", """{"topics": [{"id": "alerts", "title": "Alerts", "phrasings": {"fr": ["alertes"]}}]}""");

        var json = JsonNode.Parse(Kb("compare", "--countries", "BJ", "--topics-file", file, "--topic", "Gouvernement", "--format", "json"))!;

        Assert.Equal(["alerts", "gouvernement"], json["topics"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.All(json["cells"]!.AsArray(), c => Assert.Equal("mentioned", c!["verdict"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--countries", "--countries", "XX", "--topics", "national-cirt")]
    [InlineData("--topics", "--countries", "BJ", "--topics", "space-lasers")]
    [InlineData("--region", "--region", "Atlantis", "--topics", "national-cirt")]
    [InlineData("--years", "--countries", "BJ", "--years", "20x0", "--topics", "national-cirt")]
    public void Bad_input_exits_1_naming_the_option_without_a_stack_trace(string option, params string[] args)
    {
        var (exitCode, _, error) = KbProcess.Run(["compare", .. args, "--index", _indexPath]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {option}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string Kb(params string[] args)
    {
        var (exitCode, output, error) = KbProcess.Run([.. args, "--index", _indexPath]);
        Assert.True(exitCode == 0, error);
        return output;
    }
}
