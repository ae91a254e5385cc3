using System.Globalization;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Compare;

/// <summary>CSV export: RFC 4180 quoting, and reading it back gives the same cells.</summary>
public sealed class CompareCsvTests
{
    [Fact]
    public void Written_csv_parses_back_to_the_same_cells_with_commas_quotes_and_line_breaks_intact()
    {
        var passage = new ComparePassage("doc-1", "Stratégie \"nationale\", 2020", "3.1", "Axe 1", 4, 5,
            "Créer le <mark>CSIRT</mark> national,\nqui &quot;coordonne&quot;", 7.5f, 2020, "fr");
        var topic = BuiltinTopics.Resolve(["national-cirt", "child-online-protection"]);
        var result = new CompareResult(
            [new CompareRow("BJ", "Benin", "BJ", "Africa", [new CompareDocument("doc-1", "Stratégie", "national-strategy", 2020, "fr")])],
            topic,
            [
                new CompareCell("BJ", "national-cirt", CoverageVerdict.Addressed, 4, 2, [passage]),
                new CompareCell("BJ", "child-online-protection", CoverageVerdict.NotFound, 0, 0, []),
            ]);

        var csv = CompareCsv.Write(result, "http://127.0.0.1:5080");
        var lines = CsvLines.Parse(csv);

        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(CompareCsv.Header, lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(CompareCsv.Header.Length, l.Length));
        var cirt = Row(lines, "national-cirt");
        Assert.Equal("addressed", cirt["verdict"]);
        Assert.Equal(4, double.Parse(cirt["score"], CultureInfo.InvariantCulture));
        Assert.Equal("Stratégie \"nationale\", 2020", cirt["document_title"]);
        Assert.Equal("Créer le CSIRT national,\nqui \"coordonne\"", cirt["snippet"]);
        Assert.Equal("http://127.0.0.1:5080/api/documents/doc-1/file#page=4", cirt["link"]);
        Assert.Equal("not-found", Row(lines, "child-online-protection")["verdict"]);
        Assert.Equal("", Row(lines, "child-online-protection")["document_id"]);
    }

    [Fact]
    public void A_byte_order_mark_in_front_is_not_part_of_the_first_field()
    {
        var lines = CsvLines.Parse("\uFEFFrow,topic\r\nBJ,national-cirt\r\n");

        Assert.Equal("row", lines[0][0]);
        Assert.Equal(2, lines.Count);
    }

    private static Dictionary<string, string> Row(List<string[]> lines, string topic) =>
        lines.Skip(1).Select(l => CompareCsv.Header.Zip(l).ToDictionary(p => p.First, p => p.Second)).Single(r => r["topic"] == topic);
}
