using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// Cuts a document into chunks along its clause tree: a chunk never crosses a top-level clause, starts afresh at
/// a sub-clause heading once it holds enough text, stays within the token budget (repeating its last sentences at
/// the start of the next chunk in the same clause), and keeps each table whole.
/// </summary>
public sealed class StructureChunker(ChunkingOptions options)
{
    public IReadOnlyList<Chunk> Chunk(ExtractedDocument document)
    {
        var headings = ClauseDetector.Detect(document);
        var chunks = new List<Chunk>();
        var builder = new ChunkAccumulator(document, options, chunks);
        var path = new List<ClauseHeading>();
        for (var section = -1; section < headings.Count; section++)
        {
            var start = section < 0 ? 0 : headings[section].Offset;
            var end = section + 1 < headings.Count ? headings[section + 1].Offset : document.Text.Length;
            if (section >= 0)
            {
                var heading = headings[section];
                path.RemoveAll(h => h.Level >= heading.Level);
                path.Add(heading);
                builder.StartSection(heading, path.Select(h => h.Display).ToArray());
            }
            foreach (var piece in Pieces(document, new TextSpan(start, end)))
            {
                builder.Add(piece);
            }
        }
        builder.Flush(keepOverlap: false);
        return chunks;
    }

    /// <summary>Sentences of the paragraphs in a span, each table as one piece, contents lines left out.</summary>
    private IEnumerable<Piece> Pieces(ExtractedDocument document, TextSpan span)
    {
        var text = document.Text;
        var offset = span.Start;
        while (offset < span.End)
        {
            var table = document.Tables.FirstOrDefault(t => t.Contains(offset));
            if (table.Length > 0)
            {
                foreach (var rows in TableParts(text, new TextSpan(offset, Math.Min(table.End, span.End))))
                {
                    yield return IsContentsParagraph(text, rows.Span) ? Piece.Break : rows;
                }
                offset = Math.Min(table.End, span.End);
                continue;
            }
            var paragraphEnd = ParagraphEnd(document, offset, span.End);
            var paragraph = Trim(text, new TextSpan(offset, paragraphEnd));
            if (paragraph.Length > 0 && IsContentsParagraph(text, paragraph))
            {
                yield return Piece.Break;
            }
            else if (paragraph.Length > 0)
            {
                foreach (var sentence in SentenceSplitter.Split(text, paragraph))
                {
                    foreach (var part in WordWindows(text, Trim(text, sentence)))
                    {
                        yield return part;
                    }
                }
            }
            offset = paragraphEnd;
        }
    }

    /// <summary>A paragraph ends at a blank line, at the start of a table, or at the end of the span.</summary>
    private static int ParagraphEnd(ExtractedDocument document, int offset, int limit)
    {
        var blank = document.Text.IndexOf("\n\n", offset, limit - offset, StringComparison.Ordinal);
        var end = blank < 0 ? limit : blank + 2;
        foreach (var table in document.Tables)
        {
            if (table.Start > offset && table.Start < end)
            {
                end = table.Start;
            }
        }
        return end;
    }

    private IEnumerable<Piece> TableParts(string text, TextSpan table)
    {
        var limit = options.MaxTokens * 3;
        var start = table.Start;
        var tokens = 0;
        var offset = table.Start;
        while (offset < table.End)
        {
            var lineEnd = text.IndexOf('\n', offset, table.End - offset);
            lineEnd = lineEnd < 0 ? table.End : lineEnd + 1;
            var rowTokens = TokenCounter.Count(text.AsSpan(offset, lineEnd - offset));
            if (tokens > 0 && tokens + rowTokens > limit)
            {
                yield return new Piece(Trim(text, new TextSpan(start, offset)), tokens, IsTable: true);
                start = offset;
                tokens = 0;
            }
            tokens += rowTokens;
            offset = lineEnd;
        }
        var rest = Trim(text, new TextSpan(start, table.End));
        if (rest.Length > 0)
        {
            yield return new Piece(rest, tokens, IsTable: true);
        }
    }

    /// <summary>A sentence longer than the budget (OCR text without stops) is cut into word windows.</summary>
    private IEnumerable<Piece> WordWindows(string text, TextSpan sentence)
    {
        var tokens = TokenCounter.Count(text.AsSpan(sentence.Start, sentence.Length));
        if (tokens <= options.MaxTokens)
        {
            if (tokens > 0)
            {
                yield return new Piece(sentence, tokens, IsTable: false);
            }
            yield break;
        }
        var start = sentence.Start;
        var count = 0;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var boundary = char.IsWhiteSpace(text[i]) && i > start && !char.IsWhiteSpace(text[i - 1]);
            if (boundary || TokenCounter.IsCjk(text[i]))
            {
                count++;
            }
            if (count >= options.MaxTokens / 2)
            {
                yield return new Piece(new TextSpan(start, i + 1), count, IsTable: false);
                start = i + 1;
                count = 0;
            }
        }
        if (start < sentence.End)
        {
            yield return new Piece(new TextSpan(start, sentence.End), Math.Max(1, count), IsTable: false);
        }
    }

    private static bool IsContentsParagraph(string text, TextSpan paragraph)
    {
        var lines = text[paragraph.Start..paragraph.End].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Count(ClauseDetector.IsTableOfContentsLine) * 2 > lines.Length;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return new TextSpan(start, end);
    }
}
