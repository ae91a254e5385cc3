using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Parsing;

public sealed class DocxParserTests
{
    private const string Fixture = "itu-style-recommendation.docx";

    [Fact]
    public void Parse_ItuStyleRecommendation_KeepsParagraphsInDocumentOrder()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        AssertInOrder(document.Text,
            "Computer security incident handling guide",
            "1 Scope",
            "The incident response capability is necessary for rapidly detecting incidents",
            "The guidelines can be followed independently",
            "6 Incident handling",
            "The incident response process has several phases. The initial phase involves",
            "6.1 Detection",
            "Signs of an incident fall into one of two categories",
            "Category | Example | Typical source",
            "Precursors and indicators are identified",
            "Annex A Incident handling checklist",
            "A.1 General",
            "Bibliography",
            "[b-SP800-61] NIST Special Publication 800-61 Revision 2");
        Assert.Equal(MediaTypes.Docx, document.MediaType);
    }

    [Fact]
    public void Parse_HeadingStylesAndItuAnnexStyle_BecomeHeadingsWithLevelsAtTheirText()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Equal(
            [(1, "1 Scope"), (1, "6 Incident handling"), (2, "6.1 Detection"), (1, "Annex A Incident handling checklist"), (1, "A.1 General"), (1, "Bibliography")],
            document.Headings.Select(h => (h.Level, h.Text)));
        Assert.All(document.Headings, h => Assert.StartsWith(h.Text + "\n", document.Text[h.Offset..], StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ClauseNumberFollowedByTab_SeparatesNumberAndTitleWithOneSpace()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Contains("\n6.1 Detection\n", document.Text);
        Assert.DoesNotContain('\t', document.Text);
    }

    [Fact]
    public void Parse_ThreeByThreeTable_BecomesOneTableSpanWithOneRowPerLine()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        var table = Assert.Single(document.Tables);
        Assert.Equal(
            [
                "Category | Example | Typical source",
                "Precursor | Web server log entries that show the usage of a vulnerability scanner | Logs",
                "Indicator | Antivirus software alerts when it detects that a host is infected with malware | IDPS",
            ],
            document.Text[table.Start..table.End].TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Parse_ExplicitPageBreakAndNextPageSection_StartNewPagesButRenderedAndContinuousBreaksDoNot()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.Number));
        Assert.Equal(1, PageOf(document, "6.1 Detection"));
        Assert.Equal(1, PageOf(document, "Precursors and indicators are identified"));
        Assert.Equal(2, PageOf(document, "Annex A"));
        Assert.Equal(2, PageOf(document, "Determine whether an incident has occurred"));
        Assert.Equal(3, PageOf(document, "Bibliography"));
    }

    [Fact]
    public void Parse_NoDeclaredTitle_UsesTheTitleStyleParagraph()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Equal("Computer security incident handling guide", document.Title);
    }

    [Fact]
    public void Parse_DeclaredCoreTitle_WinsOverTheTitleParagraph()
    {
        using var stream = new MemoryStream();
        stream.Write(ParsingFixtures.Read(Fixture));
        using (var word = WordprocessingDocument.Open(stream, isEditable: true))
        {
            word.PackageProperties.Title = "Incident handling guide (declared)";
        }

        var document = Parse(stream.ToArray());

        Assert.Equal("Incident handling guide (declared)", document.Title);
    }

    [Fact]
    public void Parse_NoTitleParagraph_UsesFirstHeadingFoundByOutlineLevel()
    {
        var docx = Docx(
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 0 }), new Run(new Text("Overview of the guide"))),
            Paragraph("Body text."),
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 2 }), new Run(new Text("Deep clause"))));

        var document = Parse(docx);

        Assert.Equal("Overview of the guide", document.Title);
        Assert.Equal([(1, "Overview of the guide"), (3, "Deep clause")], document.Headings.Select(h => (h.Level, h.Text)));
    }

    [Fact]
    public void Parse_PageBreakInsideHeadingParagraph_PutsTheHeadingOnTheNewPage()
    {
        var docx = Docx(
            Paragraph("First page text."),
            new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }),
                new Run(new Break { Type = BreakValues.Page }),
                new Run(new Text("2")), new Run(new TabChar()), new Run(new Text("References"))),
            new Paragraph(new ParagraphProperties(new PageBreakBefore()), new Run(new Text("Third page text."))));

        var document = Parse(docx);

        var heading = Assert.Single(document.Headings);
        Assert.Equal("2 References", heading.Text);
        Assert.Equal(2, document.PageAt(heading.Offset));
        Assert.Equal(3, PageOf(document, "Third page text."));
    }

    [Fact]
    public void Parse_NestedTableAndTrackedDeletion_FlattensTheNestedCellsAndSkipsDeletedText()
    {
        var nested = new Table(new TableRow(Cell("inner one"), Cell("inner two")));
        var docx = Docx(
            new Table(
                new TableRow(Cell("Control"), Cell("Evidence")),
                new TableRow(Cell("Logging"), new TableCell(new Paragraph(new Run(new Text("see:"))), nested, new Paragraph()))),
            new Paragraph(
                new Run(new Text("Kept ") { Space = SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new DeletedText("removed "))),
                new Run(new Text("text."))));

        var document = Parse(docx);

        var table = Assert.Single(document.Tables);
        Assert.Equal("Control | Evidence\nLogging | see: inner one inner two\n", document.Text[table.Start..table.End]);
        Assert.Contains("Kept text.", document.Text);
        Assert.DoesNotContain("removed", document.Text);
    }

    [Fact]
    public void Parse_TruncatedPackage_IsRejectedAsCorruptWordDocument()
    {
        var bytes = ParsingFixtures.Read(Fixture);

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("corrupt Word document: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BytesThatAreNotAZip_AreRejectedAsCorruptWordDocument()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Parse("PK\u0003\u0004 not really a zip"u8.ToArray()));

        Assert.StartsWith("corrupt Word document: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DocumentWithOnlyEmptyParagraphs_IsRejectedForHavingNoText()
    {
        var docx = Docx(new Paragraph(), new Paragraph(new Run(new Text("   "))), new Paragraph(new Run(new TabChar())));

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(docx));

        Assert.Equal("no text in Word document", error.Message);
    }

    private static ExtractedDocument Parse(byte[] bytes) =>
        new DocxParser().Parse(bytes, "test.docx", CancellationToken.None);

    private static int PageOf(ExtractedDocument document, string text)
    {
        var offset = document.Text.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' not found");
        return document.PageAt(offset);
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var position = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' not found after offset {position} in:\n{text}");
            position = found + part.Length;
        }
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

    private static TableCell Cell(string text) => new(Paragraph(text));

    /// <summary>A minimal package without a styles part, as tools other than Word often write.</summary>
    private static byte[] Docx(params OpenXmlElement[] blocks)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new Document(new Body(blocks));
        }
        return stream.ToArray();
    }
}
