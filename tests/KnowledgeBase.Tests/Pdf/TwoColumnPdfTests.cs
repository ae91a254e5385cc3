using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;

namespace KnowledgeBase.Tests.Pdf;

/// <summary>Pages set in two columns read column by column, while tables with a wide gap keep their rows.</summary>
public sealed class TwoColumnPdfTests
{
    private const double RightColumn = 320;
    private const double Leading = TestPdf.FontSize * 1.3;

    private static readonly string[] LeftLines =
    [
        "Left one: incident handlers first confirm",
        "left two: that the alert describes a real",
        "left three: event before they open a case",
        "left four: and assign it to a team member",
        "left five: who then gathers the evidence",
        "left six: needed to decide on containment",
        "left seven: and records every step taken.",
    ];

    private static readonly string[] RightLines =
    [
        "Right one: recovery teams restore systems",
        "right two: from clean backups and verify",
        "right three: that the attacker has lost all",
        "right four: access before services return",
        "right five: to normal operation, and then",
        "right six: they write down lessons learned",
        "right seven: for the next review meeting.",
    ];

    private static readonly string[] ReadingOrder =
        ["A two-column bulletin", "Left one", "left four", "left seven", "Right one", "right four", "right seven", "A closing note"];

    private static readonly string[] SidebarReadingOrder = ["Guide to Industrial", "Left one", "left seven", "Right one", "right seven"];

    [Theory]
    [InlineData(0)] // the columns share baselines, as a journal's do: each glyph row holds a line of both
    [InlineData(Leading / 2)] // the right column sits half a line lower: the rows alternate between the columns
    public void Parse_TwoColumnPage_ReadsTheLeftColumnThenTheRightOne(double rightColumnDrop)
    {
        var pdf = new TestPdf().Page(p =>
        {
            p.Line("A two-column bulletin with a title across the page", TestPdf.Top, fontSize: 14);
            var y = TestPdf.Top - 40;
            for (var i = 0; i < LeftLines.Length; i++, y -= Leading)
            {
                p.Line(LeftLines[i], y);
                p.Line(RightLines[i], y - rightColumnDrop, x: RightColumn);
            }
            p.Line("A closing note set across the whole width of the page, under both columns.", y - 30);
        }).Build();

        var text = Parse(pdf).Text;

        var order = ReadingOrder.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.True(order.SequenceEqual(order.Order()), text);
        Assert.Contains("Left one: incident handlers first confirm", text);
    }

    [Fact]
    public void Parse_TextBesideAFramedSidebarUnderARuledHeader_ReadsTheTextThenTheSidebar()
    {
        // As NIST SP 800-82r2 p. 14: the sidebar's frame has an edge in the gutter, and the header's rule runs across
        // it; neither makes the page a table.
        var pdf = new TestPdf().Page(p =>
        {
            p.Line("Guide to Industrial Control Systems", TestPdf.Top).Line("Special Publication 800-82", TestPdf.Top, x: 420);
            p.Rule(TestPdf.Left, TestPdf.Top - 5, 560, TestPdf.Top - 5);
            var y = TestPdf.Top - 28;
            p.Box(306, y - (LeftLines.Length * Leading), 250, (LeftLines.Length + 1) * Leading);
            for (var i = 0; i < LeftLines.Length; i++, y -= Leading)
            {
                p.Line(LeftLines[i], y);
                p.Line(RightLines[i], y, x: RightColumn);
            }
        }).Build();

        var text = Parse(pdf).Text;

        var order = SidebarReadingOrder.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.True(order.SequenceEqual(order.Order()), text);
    }

    [Fact]
    public void Parse_TableWithAWideGapInTheMiddle_KeepsItsRows()
    {
        var pdf = new TestPdf().Page(p =>
        {
            var y = TestPdf.Top;
            for (var i = 1; i <= 10; i++, y -= Leading)
            {
                p.Line($"Control {i}", y);
                p.Line($"Owner {i}", y, x: RightColumn);
            }
        }).Build();

        var text = Parse(pdf).Text;

        Assert.True(text.IndexOf("Owner 1", StringComparison.Ordinal) < text.IndexOf("Control 2", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Parse_RuledTableOfProseCells_KeepsItsRows()
    {
        // The same text as the two-column page, but ruled between rows as a table is: cells stay side by side.
        var pdf = new TestPdf().Page(p =>
        {
            var y = TestPdf.Top;
            for (var i = 0; i < LeftLines.Length; i++, y -= Leading * 2)
            {
                p.Line(LeftLines[i], y);
                p.Line(RightLines[i], y, x: RightColumn);
                p.Rule(TestPdf.Left, y - Leading, 560, y - Leading);
            }
        }).Build();

        var text = Parse(pdf).Text;

        Assert.True(text.IndexOf("Right one", StringComparison.Ordinal) < text.IndexOf("left two", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Parse_FewSideBySideLinesInASingleColumnPage_KeepsTheirRows()
    {
        // Three rows of two prose halves between full-width paragraphs: too few to be columns, read as rows.
        var pdf = new TestPdf().Page(p =>
        {
            p.Lines(TestPdf.Top, Paragraph("A full-width paragraph line about preparing for incidents, number"));
            var y = TestPdf.Top - (6 * Leading);
            for (var i = 0; i < 3; i++, y -= Leading)
            {
                p.Line(LeftLines[i], y);
                p.Line(RightLines[i], y, x: RightColumn);
            }
            p.Lines(y, Paragraph("Another full-width paragraph line about detecting incidents, number"));
        }).Build();

        var text = Parse(pdf).Text;

        Assert.True(text.IndexOf("Right one", StringComparison.Ordinal) < text.IndexOf("left two", StringComparison.Ordinal), text);
    }

    private static string[] Paragraph(string line) => [.. Enumerable.Range(1, 6).Select(i => $"{line} {i}.")];

    private static ExtractedDocument Parse(byte[] pdf) => new PdfParser().Parse(pdf, "columns.pdf", CancellationToken.None);
}
