using System.Text.Json;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Cli;

public sealed class KbMetadataCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    [Fact]
    public void Search_WithFilters_ReturnsOnlyMatchingDocuments_AndFacetsInJson()
    {
        // Short texts named as the strategies dataset names its files: the file name gives country and year.
        var folder = _temp.Folder("strategies");
        _temp.Write("strategies/ncss_benin_2020_fr.txt",
            "Stratégie nationale de cybersécurité du Bénin\n\nLa cybersécurité des administrations est une priorité nationale.\n");
        _temp.Write("strategies/ncss_togo_2024_fr.txt",
            "Stratégie nationale de cybersécurité du Togo\n\nLa cybersécurité protège les services publics et les citoyens.\n");
        _temp.Write("strategies/ncss_jamaica_2015_en.txt",
            "National cyber security strategy of Jamaica\n\nCybersécurité is the French word; this strategy is in English.\n");
        KbProcess.Run("ingest", folder, "--index", IndexPath);

        var (exitCode, output, _) = KbProcess.Run("search", "cybersécurité", "--country", "BJ,TG", "--year", "2021..", "--json", "--index", IndexPath);

        Assert.Equal(0, exitCode);
        var result = JsonDocument.Parse(output).RootElement;
        var sources = result.GetProperty("hits").EnumerateArray().Select(h => Path.GetFileName(h.GetProperty("source").GetString())).Distinct();
        Assert.Equal(["ncss_togo_2024_fr.txt"], sources);
        Assert.Equal("TG", result.GetProperty("facets").GetProperty("country")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Search_BadYearOrStatus_NamesTheOption()
    {
        var year = KbProcess.Run("search", "x", "--year", "20x0", "--index", IndexPath);
        var status = KbProcess.Run("search", "x", "--status", "current", "--index", IndexPath);

        Assert.Equal(1, year.ExitCode);
        Assert.Contains("--year", year.Error);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("--status", status.Error);
    }

    [Fact]
    public void Ingest_MalformedSidecar_FailsThatFileNamingSidecarAndField_OthersIngest()
    {
        var folder = _temp.Folder("docs");
        _temp.Write("docs/policy.txt", "National cybersecurity policy of a small state.\n");
        _temp.Write("docs/policy.meta.json", "{\"year\": \"last year\"}");
        _temp.Write("docs/other.txt", "Another policy text.\n");

        var (exitCode, output, _) = KbProcess.Run("ingest", folder, "--index", IndexPath);

        var lines = output.Split('\n');
        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.StartsWith("failed", StringComparison.Ordinal) && l.Contains("policy.txt (policy.meta.json: field \"year\""));
        Assert.Contains(lines, l => l.StartsWith("indexed", StringComparison.Ordinal) && l.Contains("other.txt"));
    }

    [SharedCorpusFact]
    public void Show_Json_CarriesMetadataStatusAndEditionChain()
    {
        var folder = _temp.Folder("itu");
        _temp.Copy(TestPaths.SharedCorpus("pdf/itu-t_X.1056-200901-I.pdf"), "itu/itu-t_X.1056-200901-I.pdf");
        KbProcess.Run("ingest", folder, "--index", IndexPath);
        var id = JsonDocument.Parse(KbProcess.Run("list", "--json", "--index", IndexPath).Output).RootElement[0].GetProperty("id").GetString()!;

        var show = JsonDocument.Parse(KbProcess.Run("show", id, "--json", "--index", IndexPath).Output).RootElement;

        var metadata = show.GetProperty("document").GetProperty("metadata");
        Assert.Equal("itu-t-recommendation", metadata.GetProperty("type").GetString());
        Assert.Equal("X.1056", metadata.GetProperty("identifier").GetString());
        Assert.Equal("2009-01", metadata.GetProperty("approvalDate").GetString());
        Assert.Equal("in-force", show.GetProperty("status").GetString());
        Assert.Equal(id, show.GetProperty("editions")[0].GetProperty("documentId").GetString());
    }

    public void Dispose() => _temp.Dispose();
}
