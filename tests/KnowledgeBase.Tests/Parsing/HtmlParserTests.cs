using System.Text;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Parsing;

public sealed class HtmlParserTests
{
    private const string Fixture = "cisa-style-guidance.html";

    [Fact]
    public void Parse_GuidancePage_KeepsMainContentLinesInReadingOrder()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        var lines = NonBlankLines(document.Text);
        Assert.Equal(
            [
                "Ransomware Response Checklist",
                "Publication: March 1, 2024",
                "If your organization is the victim of a ransomware incident, follow this checklist to respond in a structured way.",
                "Detection and Analysis",
                "Determine which systems were impacted, and immediately isolate them.",
                "- Disconnect impacted devices from the network.",
                "- Power down devices only if you cannot disconnect them",
                "- Keep volatile memory for forensic analysis.",
                "- Triage impacted systems for restoration and recovery.",
                "Severity levels",
                "Incident severity",
                "Level | Description | Action",
                "High | Encryption observed on critical servers | Isolate the network segment",
                "Low | Ransom note found on one workstation | Isolate the host",
                "Containment and Eradication",
                "Take a system image and a memory capture of a sample of affected devices.",
                "Consult federal law enforcement regarding possible decryptors.",
                "# Example: list recently modified files",
                "find / -mtime -1 -type f",
                "    -name \"*.locked\"",
            ],
            lines);
    }

    [Fact]
    public void Parse_GuidancePage_LeavesOutScriptsStylesNavigationChromeAndHiddenElements()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        foreach (var marker in new[] { "scriptsecret", "trackingsecret", "stylesheetsecret", "navsecret", "breadcrumbsecret", "bannersecret",
                     "footersecret", "hiddensecret", "ariahiddensecret", "asidesecret", "noscriptsecret", "Skip to main content",
                     "official website", "Menu", "Privacy Policy" })
        {
            Assert.DoesNotContain(marker, document.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Parse_HeadingElements_BecomeHeadingsWithTheirLevelsAtTheirText()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Equal(
            [(1, "Ransomware Response Checklist"), (2, "Detection and Analysis"), (3, "Severity levels"), (2, "Containment and Eradication")],
            document.Headings.Select(h => (h.Level, h.Text)));
        Assert.All(document.Headings, h => Assert.StartsWith(h.Text + "\n", document.Text[h.Offset..], StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DataTable_BecomesOneTableSpanWithHeaderAndBodyRows()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        var table = Assert.Single(document.Tables);
        Assert.Equal(
            "Level | Description | Action\n"
            + "High | Encryption observed on critical servers | Isolate the network segment\n"
            + "Low | Ransom note found on one workstation | Isolate the host\n",
            document.Text[table.Start..table.End]);
    }

    [Fact]
    public void Parse_PageTitleWithSiteSuffix_KeepsTheWholeTitle()
    {
        var document = Parse(ParsingFixtures.Read(Fixture));

        Assert.Equal("Ransomware Response Checklist | Example Security Agency", document.Title);
        Assert.Equal(MediaTypes.Html, document.MediaType);
        Assert.Equal(1, Assert.Single(document.Pages).Number);
    }

    [Fact]
    public void Parse_NoTitleElement_UsesTheFirstH1()
    {
        var html = "<!doctype html><html><body><h2>Before</h2><h1>  Patch   management </h1><p>Apply patches.</p></body></html>";

        var document = Parse(Encoding.UTF8.GetBytes(html));

        Assert.Equal("Patch management", document.Title);
    }

    [Fact]
    public void Parse_NoMainElement_ReadsTheBodyWithoutNavigation()
    {
        var html = "<html><body><nav><a href='/'>Home</a></nav><div>First <b>bold</b> line</div><div>Second line</div>"
            + "<ul role='navigation'><li>Sitemap</li></ul><p style='display: none'>Invisible</p></body></html>";

        var document = Parse(Encoding.UTF8.GetBytes(html));

        Assert.Equal(["First bold line", "Second line"], NonBlankLines(document.Text));
    }

    [Fact]
    public void Parse_Windows1252MetaCharset_DecodesAccentsAndQuotes()
    {
        var html = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head><body><p>Q r\u00e9sum\u00e9 Q</p></body></html>");
        html[Array.IndexOf(html, (byte)'Q')] = 0x93; // Windows-1252 left double quotation mark
        html[Array.LastIndexOf(html, (byte)'Q')] = 0x94;

        var document = Parse(html);

        Assert.Equal("Caf\u00e9", document.Title);
        Assert.Contains("\u201C r\u00e9sum\u00e9 \u201D", document.Text);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_DecodesTheText()
    {
        var html = Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("<html><body><main><p>Z\u00fcrich incident report</p></main></body></html>"))
            .ToArray();

        var document = Parse(html);

        Assert.Equal("Z\u00fcrich incident report", document.Text.TrimEnd('\n'));
    }

    [Fact]
    public void Parse_PageWithOnlyChrome_IsRejectedForHavingNoText()
    {
        var html = "<html><head><title>Empty</title></head><body><nav>Home</nav><script>var x = 'words';</script><footer>Footer</footer></body></html>";

        var error = Assert.Throws<DocumentRejectedException>(() => Parse(Encoding.UTF8.GetBytes(html)));

        Assert.Equal("no text in HTML page", error.Message);
    }

    private static ExtractedDocument Parse(byte[] bytes) =>
        new HtmlParser().Parse(bytes, "page.html", CancellationToken.None);

    private static string[] NonBlankLines(string text) =>
        text.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
}
