using KnowledgeBase.Core.Ingestion.Ocr;

namespace KnowledgeBase.Tests.Ocr;

public sealed class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    [Fact]
    public void Parse_WordsOfOneLine_JoinLatinWithSpacesAndHanWithout()
    {
        var tsv = Header
            + "4\t1\t1\t1\t1\t0\t10\t100\t500\t40\t-1\t\n"
            + Word(1, 1, 1, 1, 90, "GB/T") + Word(1, 1, 1, 2, 80, "信息") + Word(1, 1, 1, 3, 70, "安全");

        var page = TesseractTsv.Parse(3, tsv);

        Assert.Equal(3, page.Number);
        Assert.Equal("GB/T 信息安全", Assert.Single(page.Lines).Text);
        Assert.Equal(80, page.Confidence);
    }

    [Fact]
    public void Parse_NewParagraphOrBlock_GetsANewParagraphNumber_LinesOfOneParagraphShareIt()
    {
        var tsv = Header + Word(1, 1, 1, 1, 90, "Scope") + Word(1, 1, 2, 1, 90, "This") + Word(1, 1, 3, 1, 90, "text")
            + Word(2, 1, 1, 1, 90, "Next");

        var page = TesseractTsv.Parse(1, tsv);

        Assert.Equal(["Scope", "This", "text", "Next"], page.Lines.Select(l => l.Text));
        Assert.Equal([1, 1, 1, 2], page.Lines.Select(l => l.Paragraph));
    }

    [Fact]
    public void Parse_NoWords_IsEmptyWithZeroConfidence()
    {
        var page = TesseractTsv.Parse(1, Header + "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n");

        Assert.True(page.IsEmpty);
        Assert.Equal(0, page.Confidence);
    }

    private static string Word(int block, int paragraph, int line, int word, double confidence, string text) =>
        $"5\t1\t{block}\t{paragraph}\t{line}\t{word}\t{word * 100}\t{line * 50}\t90\t40\t{confidence}\t{text}\n";
}
