using System.IO.Compression;
using System.Text;
using KnowledgeBase.Core.Ingestion;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Parsing;

/// <summary>No file makes a parser inflate or hold more than <see cref="ParserLimits"/> allow.</summary>
public sealed class ParserLimitsTests
{
    [Fact]
    public void A_docx_zip_bomb_is_rejected_naming_the_part_without_inflating_it_into_memory()
    {
        var bomb = DocxBomb(ParserLimits.MaxEntryBytes + 16 * 1024 * 1024);
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DocumentRejectedException>(() => new DocxParser().Parse(bomb, "bomb.docx", CancellationToken.None));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("word/document.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("64 MiB", error.Message, StringComparison.Ordinal);
        // The part was counted as it inflated, never kept: a few buffers, not 80 MiB of XML and its DOM.
        Assert.InRange(allocated, 0, 8 * 1024 * 1024);
    }

    [Theory]
    [InlineData("huge.txt")]
    [InlineData("huge.md")]
    public void A_text_file_over_the_limit_is_rejected_before_it_is_decoded(string name)
    {
        var content = new byte[ParserLimits.MaxMarkupBytes + 1];
        content.AsSpan().Fill((byte)'a');

        var error = Assert.Throws<DocumentRejectedException>(() => new PlainTextParser().Parse(content, name, CancellationToken.None));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.Contains("32 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_file_over_the_limit_is_rejected_before_it_is_parsed()
    {
        var content = new byte[ParserLimits.MaxMarkupBytes + 1];
        content.AsSpan().Fill((byte)'a');

        var error = Assert.Throws<DocumentRejectedException>(() => new HtmlParser().Parse(content, "huge.html", CancellationToken.None));

        Assert.StartsWith("HTML file too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_builder_refuses_more_pages_and_table_cells_than_allowed()
    {
        var pages = new ExtractedTextBuilder();
        var cells = new ExtractedTextBuilder();

        var tooManyPages = Assert.Throws<DocumentRejectedException>(() => pages.StartPage(ParserLimits.MaxPages + 1));
        var tooManyCells = Assert.Throws<DocumentRejectedException>(() => cells.AppendTableRow(Enumerable.Repeat("x", ParserLimits.MaxTableCells + 1)));

        Assert.Contains("pages", tooManyPages.Message, StringComparison.Ordinal);
        Assert.Contains("table cells", tooManyCells.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_builder_refuses_more_characters_than_allowed()
    {
        var builder = new ExtractedTextBuilder();
        var line = new string('a', 1_000_000);

        var error = Assert.Throws<DocumentRejectedException>(() =>
        {
            for (var i = 0; i <= ParserLimits.MaxCharacters / line.Length; i++)
            {
                builder.AppendLine(line);
            }
        });

        Assert.Contains("characters", error.Message, StringComparison.Ordinal);
        Assert.True(builder.Length < ParserLimits.MaxCharacters);
    }

    /// <summary>A .docx whose document part is <paramref name="inflatedBytes"/> of XML, deflated to a few hundred KiB.</summary>
    private static byte[] DocxBomb(long inflatedBytes)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
            var entry = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal);
            using var stream = entry.Open();
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>aaaaaaaa</w:t></w:r></w:p>", 1600)));
            for (long written = 0; written < inflatedBytes; written += chunk.Length)
            {
                stream.Write(chunk);
            }
        }
        return zip.ToArray();
    }

    private static void Write(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
