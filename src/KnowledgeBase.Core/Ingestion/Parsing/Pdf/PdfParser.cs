using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Reads PDFs with PdfPig: lines in reading order per page, running headers and footers removed, end-of-line
/// hyphens joined, table rows kept as "cell | cell" lines. Pages without text but with images, and pages whose text
/// layer is garbage (<see cref="TextLayerQuality"/>), are marked image-only for the OCR step.
/// </summary>
internal sealed partial class PdfParser : IDocumentParser
{
    public IReadOnlyCollection<string> MediaTypes { get; } = [Parsing.MediaTypes.Pdf];

    public ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        using var document = Open(content);
        if (document.NumberOfPages > ParserLimits.MaxPages)
        {
            throw new DocumentRejectedException($"PDF too long: {ParserLimits.Count(document.NumberOfPages)} pages, more than {ParserLimits.Count(ParserLimits.MaxPages)}");
        }
        var builder = new ExtractedTextBuilder();
        var pages = new List<PageLines>();
        var unreadable = new bool[document.NumberOfPages + 1];
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages.Add(ReadPage(document, number, builder, unreadable));
        }

        var cleaned = RunningTextFilter.Apply(pages);
        var imageOnlyPages = new List<int>();
        for (var index = 0; index < cleaned.Count; index++)
        {
            var number = index + 1;
            var imageOnly = unreadable[number] || (cleaned[index].Count == 0 && pages[index].HasImages);
            if (imageOnly)
            {
                imageOnlyPages.Add(number);
            }
            builder.StartPage(number, imageOnly);
            if (!imageOnly)
            {
                PdfPageWriter.Write(builder, cleaned[index]);
            }
        }
        var unmapped = Enumerable.Range(1, document.NumberOfPages).Where(n => unreadable[n]).ToList();
        if (unmapped.Count > 0)
        {
            builder.Warn($"fonts on page(s) {PdfPageWriter.DescribeRanges(unmapped)} map glyphs to no readable characters");
        }
        if (imageOnlyPages.Count > 0)
        {
            builder.Warn($"{imageOnlyPages.Count} image-only page(s) without extractable text, for OCR: {PdfPageWriter.DescribeRanges(imageOnlyPages)}");
        }
        var truncated = IsTruncated(content.Span);
        if (truncated)
        {
            builder.Warn("the PDF file is truncated (it ends before its end-of-file marker): pages after the cut are missing");
        }
        var result = builder.Build(Parsing.MediaTypes.Pdf, ChooseTitle(document, pages));
        if (string.IsNullOrWhiteSpace(result.Text) && imageOnlyPages.Count == 0)
        {
            throw new DocumentRejectedException(truncated
                ? "truncated PDF: the file ends before its end-of-file marker, and no page before the cut could be read"
                : "PDF contains no text and no images");
        }
        return result;
    }

    /// <summary>
    /// A complete PDF ends with %%EOF (writers may add a few bytes after it); an upload or copy cut short does not.
    /// Lenient parsing still opens such a file, so without this its empty pages would read as "no text".
    /// </summary>
    private static bool IsTruncated(ReadOnlySpan<byte> content) =>
        content[Math.Max(0, content.Length - 1024)..].IndexOf("%%EOF"u8) < 0;

    private static PdfDocument Open(ReadOnlyMemory<byte> content)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentRejectedException("encrypted PDF: it needs a password to open", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DocumentRejectedException($"corrupt or truncated PDF ({ex.Message.TrimEnd('.')})", ex);
        }
    }

    private static PageLines ReadPage(PdfDocument document, int number, ExtractedTextBuilder builder, bool[] unreadable)
    {
        try
        {
            var page = document.GetPage(number);
            var lines = PdfLineReader.ReadLines(page);
            if (lines.Count > 0 && TextLayerQuality.IsGarbage(string.Join(" ", lines.Select(l => l.Text))))
            {
                unreadable[number] = true;
                lines = [];
            }
            return new PageLines(lines, page.Height, page.NumberOfImages > 0 || unreadable[number]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            builder.Warn($"page {number} could not be read ({ex.Message.TrimEnd('.')})");
            return new PageLines([], 0, false);
        }
    }

    private static string? ChooseTitle(PdfDocument document, IReadOnlyList<PageLines> pages)
    {
        var declared = document.Information.Title?.Trim();
        if (declared is not null && declared.Count(char.IsLetter) >= 6 && !FileLikeTitle().IsMatch(declared))
        {
            return declared;
        }
        // Otherwise the largest print on the first page that has text, as a person would read the cover.
        var firstPage = pages.FirstOrDefault(p => p.Lines.Count > 0);
        if (firstPage is null)
        {
            return null;
        }
        var candidates = firstPage.Lines
            .Where(l => l.Text.Count(char.IsLetter) >= 4 && !l.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var largest = candidates.Max(l => l.FontSize);
        var title = string.Join(" ", candidates.Where(l => l.FontSize >= largest * 0.95).Take(3).Select(l => l.Text));
        return title.Length > 200 ? title[..200] : title;
    }

    [GeneratedRegex(@"(!!|\.docx?$|\.pdf$|^Microsoft Word|^untitled|^T-REC-)", RegexOptions.IgnoreCase)]
    private static partial Regex FileLikeTitle();
}
