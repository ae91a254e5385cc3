using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Parsing.Pdf;

namespace KnowledgeBase.Tests.Pdf;

public sealed class PdfParserTests
{
    private static readonly double[] Columns = [72, 250, 420];

    [Fact]
    public void Parse_FourPages_KeepsEachPagesTextInItsOwnPageSpan()
    {
        var pdf = new TestPdf()
            .Page("Preparation comes first on page one.")
            .Page("Detection and analysis is on page two.")
            .Page("Containment strategy is chosen on page three.")
            .Page("Lessons learned close page four.")
            .Build();

        var document = Parse(pdf);

        Assert.Equal([1, 2, 3, 4], document.Pages.Select(p => p.Number));
        var third = document.Pages[2];
        Assert.Contains("Containment strategy is chosen on page three.", PageText(document, third));
        Assert.DoesNotContain("page two", PageText(document, third));
        var offset = document.Text.IndexOf("Containment strategy", StringComparison.Ordinal);
        Assert.Equal(3, document.PageAt(offset));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("Page {0} of 5")]
    [InlineData("- {0} -")]
    public void Parse_RunningHeaderAndPageNumberFooter_RemovesThemAndKeepsBody(string footerFormat)
    {
        var topics = new[] { "scope", "references", "definitions", "abbreviations", "conventions" };
        var builder = new TestPdf();
        for (var index = 0; index < topics.Length; index++)
        {
            var number = index + 1;
            var topic = topics[index];
            builder.Page(p => p
                .Line("Rec. ITU-T X.9999 (01/2020)", y: 800)
                .Lines(700, $"This clause covers the {topic} of the Recommendation.", $"More text about {topic} follows here.")
                .Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, footerFormat, number), y: 40, x: 290));
        }

        var document = Parse(builder.Build());

        Assert.DoesNotContain("X.9999", document.Text);
        Assert.DoesNotContain("01/2020", document.Text);
        for (var index = 0; index < topics.Length; index++)
        {
            var page = PageText(document, document.Pages[index]);
            Assert.Contains($"This clause covers the {topics[index]} of the Recommendation.", page);
            Assert.Contains($"More text about {topics[index]} follows here.", page);
            Assert.DoesNotContain(NonBlankLines(page), line => line.Any(char.IsDigit));
        }
    }

    [Fact]
    public void Parse_LowerCaseContinuationAfterEndOfLineHyphen_JoinsTheWord()
    {
        var pdf = new TestPdf().Page("The team handles inci-", "dent response for the agency.").Build();

        var document = Parse(pdf);

        Assert.Contains("handles incident response for the agency.", Flatten(document.Text));
        Assert.DoesNotContain("inci-", document.Text);
    }

    [Fact]
    public void Parse_UpperCaseContinuationAfterHyphen_KeepsTheLinesAsTheyAre()
    {
        var pdf = new TestPdf().Page("This applies to Recommendation ITU-", "T X.1056 and others.").Build();

        var document = Parse(pdf);

        Assert.Contains("Recommendation ITU-\nT X.1056 and others.", document.Text);
    }

    [Fact]
    public void Parse_LetterSpacedHeadingDrawnGlyphByGlyph_CollapsesIntoWords()
    {
        var pdf = new TestPdf()
            .Page(p => p
                .LetterSpaced("International Telecommunication", y: 760, fontSize: 14, letterGap: 0.3, wordGap: 1.2)
                .Line("Body text.", y: 700))
            .Build();

        var document = Parse(pdf);

        Assert.Equal("International Telecommunication", NonBlankLines(document.Text)[0]);
    }

    [Fact]
    public void Parse_RowsWithWideColumnGaps_BecomeOneTableOfPipeSeparatedRows()
    {
        var pdf = new TestPdf()
            .Page(p => p
                .Line("Table 1 lists the controls.", y: 760)
                .Row(720, Columns, "Control", "Owner", "Status")
                .Row(706, Columns, "Backup", "IT team", "Done")
                .Row(692, Columns, "Logging", "SOC", "Open")
                .Line("The table ends here.", y: 660))
            .Build();

        var document = Parse(pdf);

        var table = Assert.Single(document.Tables);
        Assert.Equal(
            "Control | Owner | Status\nBackup | IT team | Done\nLogging | SOC | Open",
            document.Text[table.Start..table.End].Trim());
        Assert.StartsWith("Table 1 lists the controls.", document.Text, StringComparison.Ordinal);
        Assert.Contains("The table ends here.", document.Text[table.End..]);
    }

    [Fact]
    public void Parse_PageWithOnlyAnImage_IsMarkedImageOnlyWithAWarning()
    {
        var pdf = new TestPdf()
            .Page("A page of text before the scanned one.")
            .Page(p => p.Png(TestPdf.SolidPng(4, 4), x: 100, y: 400, width: 200, height: 200))
            .Build();

        var document = Parse(pdf);

        Assert.False(document.Pages[0].IsImageOnly);
        Assert.True(document.Pages[1].IsImageOnly);
        Assert.Equal(0, document.Pages[1].End - document.Pages[1].Start);
        var warning = Assert.Single(document.Warnings);
        Assert.Contains("image-only", warning);
        Assert.EndsWith(": 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyImagePages_IsAcceptedForOcrRatherThanRejected()
    {
        var pdf = new TestPdf().Page(p => p.Png(TestPdf.SolidPng(2, 3), x: 72, y: 300, width: 300, height: 450)).Build();

        var document = Parse(pdf);

        Assert.True(Assert.Single(document.Pages).IsImageOnly);
        Assert.Equal("", document.Text.Trim());
    }

    [Fact]
    public void Parse_NoTextAndNoImages_IsRejected()
    {
        var pdf = new TestPdf().Page(_ => { }).Build();

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(pdf));

        Assert.Contains("no text", error.Message);
    }

    [Fact]
    public void Parse_LargestPrintOnFirstPage_IsTheTitleWhenNoneIsDeclared()
    {
        var pdf = new TestPdf()
            .Page(p => p
                .Line("Incident Handling Guide", y: 700, fontSize: 24)
                .Lines(600, "Prepared by the security team.", "Version 2."))
            .Build();

        var document = Parse(pdf);

        Assert.Equal("Incident Handling Guide", document.Title);
    }

    [Fact]
    public void Parse_TruncatedPdf_IsRejectedAsCorrupt()
    {
        var pdf = new TestPdf().Page("Some text that will be cut off.").Build();

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(pdf.AsMemory(0, pdf.Length / 2)));

        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Parse_PdfWithUserPassword_IsRejectedAsEncrypted()
    {
        // plain.pdf is new TestPdf().Page("Incident response plan locked behind a password.").Build(), then
        // qpdf --encrypt secret owner-secret 256 -- plain.pdf encrypted-user-password.pdf
        var pdf = File.ReadAllBytes(Fixture("encrypted-user-password.pdf"));

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(pdf));

        Assert.Contains("encrypted", error.Message);
        Assert.Contains("password", error.Message);
    }

    [Fact]
    public void Parse_PdfEncryptedWithOwnerPasswordOnly_OpensWithoutOne()
    {
        // The same plain.pdf with an empty user password:
        // qpdf --encrypt "" owner-secret 128 --use-aes=y -- plain.pdf encrypted-owner-password-only.pdf
        var pdf = File.ReadAllBytes(Fixture("encrypted-owner-password-only.pdf"));

        var document = Parse(pdf);

        Assert.Contains("Incident response plan locked behind a password.", document.Text);
    }

    [Fact]
    public void RegistryParse_EmptyFile_IsRejectedAsEmpty()
    {
        var error = Assert.Throws<DocumentRejectedException>(
            () => Registry().Parse(ReadOnlyMemory<byte>.Empty, "empty.pdf", CancellationToken.None));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void RegistryParse_RandomBytes_IsRejectedAsUnknownFormat()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        var error = Assert.Throws<DocumentRejectedException>(
            () => Registry().Parse(bytes, "random.pdf", CancellationToken.None));

        Assert.Contains("unknown format", error.Message);
    }

    [Fact]
    public void RegistryParse_PdfUnderAnotherName_IsStillReadAsPdf()
    {
        var pdf = new TestPdf().Page("Sniffed by content, not by name.").Build();

        var document = Registry().Parse(pdf, "renamed.txt", CancellationToken.None);

        Assert.Equal(MediaTypes.Pdf, document.MediaType);
        Assert.Contains("Sniffed by content, not by name.", document.Text);
    }

    [Fact]
    public void Parse_EveryPageHoldsTheSameSingleLine_KeepsItAsTextNotAsRunningHeader()
    {
        var builder = new TestPdf();
        for (var page = 0; page < 40; page++)
        {
            builder.Page("Report every incident to the national CSIRT.");
        }

        var document = Parse(builder.Build());

        Assert.Equal(40, NonBlankLines(document.Text).Count(l => l == "Report every incident to the national CSIRT."));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void RegistryParse_TruncatedPdf_SaysItIsTruncated(int divisor)
    {
        var pdf = File.ReadAllBytes(Path.Combine(Tests.Support.TestPaths.RepoRoot, "corpus", "nist_sp800-150_2016.pdf"));

        var cut = pdf.AsMemory(0, pdf.Length / divisor);

        var reason = Record.Exception(() => Registry().Parse(cut, "cut.pdf", CancellationToken.None))?.Message;
        reason ??= Registry().Parse(cut, "cut.pdf", CancellationToken.None).Warnings.Single(w => w.Contains("truncated", StringComparison.Ordinal));

        Assert.Contains("truncated", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("no text and no images", reason, StringComparison.Ordinal);
    }

    private static ExtractedDocument Parse(ReadOnlyMemory<byte> pdf) =>
        new PdfParser().Parse(pdf, "test.pdf", CancellationToken.None);

    private static ParserRegistry Registry() => new([new PdfParser()]);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pdf", name);

    private static string PageText(ExtractedDocument document, PageSpan page) => document.Text[page.Start..page.End];

    private static string[] NonBlankLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
