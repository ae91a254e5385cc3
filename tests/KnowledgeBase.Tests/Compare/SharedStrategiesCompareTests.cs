using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Compare;

/// <summary>
/// The comparison on real strategies from ../shared, ingested by the real pipeline (keywords only: the comparison
/// does not use embeddings). Skipped where ../shared is absent.
/// </summary>
public sealed class SharedStrategiesCompareTests : IClassFixture<SharedStrategiesCompareTests.StrategyIndex>
{
    private readonly StrategyIndex _fixture;

    public SharedStrategiesCompareTests(StrategyIndex fixture) => _fixture = fixture;

    [SharedCorpusFact]
    public void Mauritania_French_strategy_creating_a_national_CSIRT_is_addressed_citing_that_passage()
    {
        var result = Compare(["MR", "TG", "BF"], "national-cirt", "child-online-protection");

        var cell = result.Cell("MR", "national-cirt");
        Assert.Equal(CoverageVerdict.Addressed, cell.Verdict);
        Assert.Contains(cell.Passages, p => p.Snippet.Contains("<mark>CSIRT</mark>", StringComparison.Ordinal) && p.Language == "fr");
        Assert.All(cell.Passages, p => Assert.Equal(2022, p.Year));
    }

    [SharedCorpusFact]
    public void Togo_strategy_which_never_mentions_children_is_not_found_for_child_online_protection()
    {
        var result = Compare(["TG"], "child-online-protection");

        var cell = result.Cell("TG", "child-online-protection");
        Assert.Equal(CoverageVerdict.NotFound, cell.Verdict);
        Assert.Empty(cell.Passages);
    }

    [SharedCorpusFact]
    public void Csv_of_a_real_comparison_parses_back_to_its_cells()
    {
        var result = Compare(["MR", "TG", "BF"], "national-cirt", "child-online-protection", "critical-infrastructure");

        var lines = CsvLines.Parse(CompareCsv.Write(result));

        Assert.Equal(result.Cells.Count + 1, lines.Count);
        foreach (var (cell, line) in result.Cells.Zip(lines.Skip(1)))
        {
            Assert.Equal([cell.RowKey, cell.TopicId, cell.Verdict.Name()], [line[0], line[4], line[6]]);
            Assert.Equal(cell.Passages.Count > 0 ? cell.Passages[0].DocumentId : "", line[9]);
            Assert.Equal(cell.Passages.Count > 0 ? CompareCsv.PlainText(cell.Passages[0].Snippet) : "", line[16]);
        }
    }

    private CompareResult Compare(string[] countries, params string[] topics)
    {
        using var index = KeywordIndex.OpenForReading(_fixture.Path!);
        return new CompareService(index).Compare(new CompareRequest(new CompareRows { Countries = countries }, BuiltinTopics.Resolve(topics)));
    }

    /// <summary>Three French strategies from ../shared in one index, built once for the class (only when ../shared is there).</summary>
    public sealed class StrategyIndex : IDisposable
    {
        private readonly TempFolder _temp = new();

        public StrategyIndex()
        {
            if (!SharedCorpus.IsPresent)
            {
                return;
            }
            Path = _temp.Combine("index");
            Ingest.Paths(Path,
                TestPaths.SharedCorpus("text/ncss_mauritania_2022_fr.txt"),
                TestPaths.SharedCorpus("text/ncss_togo_2024_fr.txt"),
                TestPaths.SharedCorpus("text/ncss_burkina-faso_2019_fr.txt"));
        }

        public string? Path { get; }

        public void Dispose() => _temp.Dispose();
    }
}
