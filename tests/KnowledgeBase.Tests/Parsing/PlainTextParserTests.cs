using System.Text;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Parsing;

public sealed class PlainTextParserTests
{
    [Fact]
    public void Parse_PlainText_KeepsLinesTrimsTrailingSpacesAndCollapsesBlankRuns()
    {
        var text = "Incident Handling Notes\r\n\r\nLine one   \r\n  indented line two\r\n\r\n\r\n\r\n\r\nLine three\r\n";

        var document = Parse(text, "notes.txt");

        Assert.Equal("Incident Handling Notes\n\nLine one\n  indented line two\n\nLine three", document.Text.TrimEnd('\n'));
        Assert.Equal(MediaTypes.PlainText, document.MediaType);
        Assert.Empty(document.Headings);
    }

    [Fact]
    public void Parse_OldMacLineEndsAndControlCharacters_AreNormalised()
    {
        var document = Parse("alpha\rbeta\0 gam\u0007ma\u001Bx\tdelta", "notes.txt");

        Assert.Equal("alpha\nbeta gammax\tdelta", document.Text.TrimEnd('\n'));
    }

    [Fact]
    public void Parse_FormFeeds_StartNewPagesAndKeepBlankPagesNumbered()
    {
        var document = Parse("Cover page\fPreparation on page two\f\fRecovery on page four\f", "sp800-61.txt");

        Assert.Equal([1, 2, 3, 4], document.Pages.Select(p => p.Number));
        Assert.Equal(2, PageOf(document, "Preparation"));
        Assert.Equal(4, PageOf(document, "Recovery"));
        Assert.DoesNotContain('\f', document.Text);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Parse_ByteOrderMark_SelectsTheEncoding(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-16le" => Encoding.Unicode,
            "utf-16be" => Encoding.BigEndianUnicode,
            _ => Encoding.UTF8,
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Z\u00fcrich \u2013 S\u00e3o Paulo")).ToArray();

        var document = new PlainTextParser().Parse(bytes, "cities.txt", CancellationToken.None);

        Assert.Equal("Z\u00fcrich \u2013 S\u00e3o Paulo", document.Text.TrimEnd('\n'));
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Parse_BytesThatAreNotUtf8_AreReadAsWindows1252WithAWarning()
    {
        byte[] bytes = [0x93, (byte)'C', (byte)'a', (byte)'f', 0xE9, 0x94, (byte)' ', 0x80, (byte)'5'];

        var document = new PlainTextParser().Parse(bytes, "legacy.txt", CancellationToken.None);

        Assert.Equal("\u201CCaf\u00e9\u201D \u20AC5", document.Text.TrimEnd('\n'));
        Assert.Contains(document.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PlainText_TakesTheFirstShortLineAsTitle()
    {
        var document = Parse("\n\n  Guide to Malware Incident Prevention  \nBody text.", "guide.txt");

        Assert.Equal("Guide to Malware Incident Prevention", document.Title);
    }

    [Fact]
    public void Parse_PlainTextStartingWithALongLine_HasNoTitle()
    {
        var document = Parse(new string('x', 200) + "\nmore", "long.txt");

        Assert.Null(document.Title);
    }

    [Fact]
    public void Parse_MarkdownAtxAndSetextHeadings_BecomeHeadingsWithLevelsAtTheirText()
    {
        var markdown = "---\ntitle: front matter\n---\nIntro paragraph.\n\n# Incident *Response* Guide #\n\nText.\n\n"
            + "## 2.1 Preparation\n\nPrepare.\n\nDetection\n=========\n\nAnalysis phase\n--------------\n\n###### Deep\n#hashtag is text";

        var document = Parse(markdown, "guide.md");

        Assert.Equal(
            [(1, "Incident Response Guide"), (2, "2.1 Preparation"), (1, "Detection"), (2, "Analysis phase"), (6, "Deep")],
            document.Headings.Select(h => (h.Level, h.Text)));
        Assert.All(document.Headings, h => Assert.StartsWith(h.Text + "\n", document.Text[h.Offset..], StringComparison.Ordinal));
        Assert.Equal("Incident Response Guide", document.Title);
        Assert.Equal(MediaTypes.Markdown, document.MediaType);
        Assert.DoesNotContain("front matter", document.Text);
        Assert.DoesNotContain("===", document.Text);
        Assert.Contains("#hashtag is text\n", document.Text);
    }

    [Fact]
    public void Parse_MarkdownPipeTable_BecomesTableRowsWithoutTheSeparator()
    {
        var markdown = "Before the table.\n\n| Phase | Owner | Due |\n|:------|:-----:|----:|\n| **Contain** | SOC | `4h` |\n| Recover | IT \\| Ops | 2d |\n\nAfter.";

        var document = Parse(markdown, "table.md");

        var table = Assert.Single(document.Tables);
        Assert.Equal("Phase | Owner | Due\nContain | SOC | 4h\nRecover | IT | Ops | 2d\n", document.Text[table.Start..table.End]);
        Assert.DoesNotContain("---", document.Text);
        Assert.Contains("After.", document.Text[table.End..]);
    }

    [Fact]
    public void Parse_MarkdownInlineMarkup_IsStrippedToTheReadableText()
    {
        var markdown = "Use **strong** and __bold__ and *emphasis* with `kubectl get pods` and [SP 800-61](https://csrc.nist.gov/pubs) "
            + "and ![diagram](img.png) but keep snake_case_name and 2 * 3 * 4.\n> quoted line\n* star bullet";

        var document = Parse(markdown, "inline.md");

        Assert.Equal(
            "Use strong and bold and emphasis with kubectl get pods and SP 800-61 and diagram but keep snake_case_name and 2 * 3 * 4.\n"
            + "quoted line\n- star bullet\n",
            document.Text);
    }

    [Fact]
    public void Parse_MarkdownFencedCodeBlock_KeepsItsLinesAsPlainText()
    {
        var markdown = "# Commands\n\n```bash\n# not a heading\n| not | a table |\n**literal**\n```\nAfter the fence.";

        var document = Parse(markdown, "commands.md");

        Assert.Single(document.Headings);
        Assert.Empty(document.Tables);
        Assert.Contains("# not a heading\n| not | a table |\n**literal**\n", document.Text);
        Assert.DoesNotContain("```", document.Text);
        Assert.Contains("After the fence.", document.Text);
    }

    [Theory]
    [InlineData("", "empty.txt")]
    [InlineData("  \r\n\t\n\f\n  ", "blank.txt")]
    [InlineData("\0\0\u0001", "controls.txt")]
    [InlineData("---\ntitle: only metadata\n---\n", "front-matter.md")]
    public void Parse_NoVisibleText_IsRejectedForHavingNoText(string text, string fileName)
    {
        var error = Assert.Throws<DocumentRejectedException>(() => Parse(text, fileName));

        Assert.Equal("no text in file", error.Message);
    }

    private static ExtractedDocument Parse(string text, string fileName) =>
        new PlainTextParser().Parse(Encoding.UTF8.GetBytes(text), fileName, CancellationToken.None);

    private static int PageOf(ExtractedDocument document, string text)
    {
        var offset = document.Text.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{text}' not found");
        return document.PageAt(offset);
    }
}
