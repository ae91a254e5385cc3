using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Reads plain text and Markdown. Text is decoded by its byte-order mark, else as UTF-8, else as Windows-1252
/// (with a warning). A form feed starts a new page, which is how pdftotext separates pages. Markdown headings and
/// pipe tables become structure; its inline markup is removed so the text reads as a person would read it.
/// </summary>
internal sealed partial class PlainTextParser : IDocumentParser
{
    private const int MaxPlainTitleLength = 150;

    // Taken from the provider directly rather than registered, so no process-wide encoding state changes.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    public IReadOnlyCollection<string> MediaTypes { get; } = [Parsing.MediaTypes.PlainText, Parsing.MediaTypes.Markdown];

    public ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        ParserLimits.CheckMarkupSize(content.Length, "text");
        var builder = new ExtractedTextBuilder();
        var text = TextNormalizer.Normalize(Decode(content.Span, builder).Replace("\r\n", "\n").Replace('\r', '\n'));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentRejectedException("no text in file");
        }
        // The sniffer tells Markdown from plain text by the extension alone, so the parser does the same.
        var isMarkdown = Path.GetExtension(fileName).ToLowerInvariant() is ".md" or ".markdown";
        var pages = text.Split('\f').ToList();
        if (pages.Count > 1 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1); // pdftotext ends its last page with a form feed too
        }

        var markdown = isMarkdown ? new MarkdownWriter(builder) : null;
        for (var index = 0; index < pages.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pages.Count > 1)
            {
                builder.StartPage(index + 1);
            }
            var lines = pages[index].Split('\n').Select(l => l.TrimEnd()).ToList();
            if (markdown is not null)
            {
                markdown.Write(lines, isFirstPage: index == 0);
            }
            else
            {
                WritePlain(builder, lines);
            }
        }
        var title = isMarkdown ? markdown!.Title : PlainTitle(text);
        var result = builder.Build(isMarkdown ? Parsing.MediaTypes.Markdown : Parsing.MediaTypes.PlainText, title);
        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw new DocumentRejectedException("no text in file"); // e.g. Markdown holding only front matter
        }
        return result;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, ExtractedTextBuilder builder)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]);
        }
        if (bytes.StartsWith(Encoding.Unicode.Preamble))
        {
            return Encoding.Unicode.GetString(bytes[Encoding.Unicode.Preamble.Length..]);
        }
        if (bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[Encoding.BigEndianUnicode.Preamble.Length..]);
        }
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        builder.Warn("text is not valid UTF-8; decoded as Windows-1252");
        return Windows1252.GetString(bytes);
    }

    private static void WritePlain(ExtractedTextBuilder builder, List<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                builder.AppendParagraphBreak();
            }
            else
            {
                builder.AppendLine(line);
            }
        }
        builder.AppendParagraphBreak();
    }

    private static string? PlainTitle(string text)
    {
        var first = text.Split('\n', '\f').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return first is { Length: < MaxPlainTitleLength } ? first : null;
    }

    /// <summary>Strips inline Markdown: links and images to their text, emphasis and code markers, escapes.</summary>
    private static string Inline(string text)
    {
        text = CodeSpan().Replace(text, "${code}");
        text = Image().Replace(text, "${text}");
        text = Link().Replace(text, "${text}");
        text = AutoLink().Replace(text, "${url}");
        text = Strong().Replace(text, "${text}");
        text = Emphasis().Replace(text, "${text}");
        return Escape().Replace(text, "${char}");
    }

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\](\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>(https?|mailto):[^>\s]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"(\*\*|(?<!\w)__)(?=\S)(?<text>.+?)(?<=\S)(\*\*|__(?!\w))")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*\\])\*(?=[^\s*])(?<text>[^*]+?)(?<=[^\s*\\])\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\(?<char>[\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?<mark>=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"^\s*(>\s?)+")]
    private static partial Regex QuoteMarker();

    [GeneratedRegex(@"^(?<indent>\s*)[*+](?<gap>\s+)")]
    private static partial Regex Bullet();

    /// <summary>Markdown block structure, line by line; a fenced code block may run across a form feed.</summary>
    private sealed class MarkdownWriter(ExtractedTextBuilder builder)
    {
        private string? _fence;

        public string? Title { get; private set; }

        public void Write(List<string> lines, bool isFirstPage)
        {
            var index = isFirstPage ? SkipFrontMatter(lines) : 0;
            for (; index < lines.Count; index++)
            {
                var line = lines[index];
                if (_fence is not null)
                {
                    WriteCodeLine(line);
                    continue;
                }
                var next = index + 1 < lines.Count ? lines[index + 1] : "";
                if (Fence().Match(line) is { Success: true } fence)
                {
                    _fence = fence.Groups["fence"].Value;
                    builder.AppendParagraphBreak();
                }
                else if (line.Trim().Length == 0 || ThematicBreak().IsMatch(line) || LinkDefinition().IsMatch(line))
                {
                    builder.AppendParagraphBreak();
                }
                else if (AtxHeading().Match(line) is { Success: true } atx)
                {
                    Heading(atx.Groups["marks"].Length, atx.Groups["text"].Value);
                }
                else if (line.Contains('|') && next.Contains('|') && TableSeparator().IsMatch(next))
                {
                    index = WriteTable(lines, index);
                }
                else if (SetextUnderline().Match(next) is { Success: true } underline && !QuoteMarker().IsMatch(line) && !Bullet().IsMatch(line) && !line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    Heading(underline.Groups["mark"].Value[0] == '=' ? 1 : 2, line.Trim());
                    index++;
                }
                else
                {
                    var text = Bullet().Replace(QuoteMarker().Replace(line, ""), "${indent}-${gap}");
                    builder.AppendLine(Inline(text));
                }
            }
        }

        private void WriteCodeLine(string line)
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(_fence!, StringComparison.Ordinal) && trimmed.Trim(_fence![0]).Trim().Length == 0)
            {
                _fence = null;
                builder.AppendParagraphBreak();
            }
            else if (line.Length == 0)
            {
                builder.AppendParagraphBreak();
            }
            else
            {
                builder.AppendLine(line);
            }
        }

        private void Heading(int level, string text)
        {
            text = Inline(text).Trim();
            if (text.Length == 0)
            {
                return;
            }
            builder.AppendHeading(level, text);
            if (level == 1)
            {
                Title ??= text;
            }
        }

        /// <summary>Writes the header row and the rows after the separator; returns the index of the last row.</summary>
        private int WriteTable(List<string> lines, int headerIndex)
        {
            builder.BeginTable();
            builder.AppendTableRow(Cells(lines[headerIndex]));
            var index = headerIndex + 2;
            for (; index < lines.Count && lines[index].Contains('|') && lines[index].Trim().Length > 0; index++)
            {
                builder.AppendTableRow(Cells(lines[index]));
            }
            builder.EndTable();
            return index - 1;
        }

        private static IEnumerable<string> Cells(string row)
        {
            row = row.Trim();
            if (row.StartsWith('|'))
            {
                row = row[1..];
            }
            if (row.EndsWith('|') && !row.EndsWith("\\|", StringComparison.Ordinal))
            {
                row = row[..^1];
            }
            return CellSeparator().Split(row).Select(cell => Inline(cell).Trim());
        }

        /// <summary>YAML front matter ("---" … "---") at the top of the file is metadata, not text.</summary>
        private static int SkipFrontMatter(List<string> lines)
        {
            if (lines.Count == 0 || lines[0] != "---")
            {
                return 0;
            }
            var end = lines.FindIndex(1, l => l is "---" or "...");
            return end > 0 ? end + 1 : 0;
        }
    }
}
