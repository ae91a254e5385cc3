using System.IO.Compression;
using System.Text;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Decides a file's media type from its first bytes, using the extension only to tell Markdown from plain text.
/// A renamed PDF is still a PDF; a binary file named .txt is still rejected.
/// </summary>
public static class MediaTypeSniffer
{
    private const int TextProbeLength = 8192;

    /// <summary>Returns the media type, or throws <see cref="DocumentRejectedException"/> with the reason.</summary>
    public static string Sniff(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.IsEmpty)
        {
            throw new DocumentRejectedException("empty file (0 bytes)");
        }
        if (content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return MediaTypes.Pdf;
        }
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return SniffZip(content, fileName);
        }
        if (content.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new DocumentRejectedException("legacy binary Office file (.doc/.xls): save it as .docx to ingest it");
        }
        if (!LooksLikeText(content))
        {
            throw new DocumentRejectedException("unknown format: not a PDF, Word .docx, HTML or text file");
        }
        if (LooksLikeHtml(content))
        {
            return MediaTypes.Html;
        }
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension is ".md" or ".markdown" ? MediaTypes.Markdown : MediaTypes.PlainText;
    }

    private static string SniffZip(ReadOnlySpan<byte> content, string fileName)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return MediaTypes.Docx;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException($"corrupt ZIP container: {ex.Message}", ex);
        }
        throw new DocumentRejectedException($"ZIP archive that is not a Word document ({Path.GetFileName(fileName)})");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        var probe = content[..Math.Min(content.Length, TextProbeLength)];
        if (probe.StartsWith(new byte[] { 0xFF, 0xFE }) || probe.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return true; // UTF-16 with a byte-order mark
        }
        if (probe.IndexOf((byte)0) >= 0)
        {
            return false;
        }
        var controls = 0;
        foreach (var b in probe)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }
        return controls <= probe.Length / 100;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 2048)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<body", StringComparison.OrdinalIgnoreCase));
    }
}
