namespace KnowledgeBase.Core.Documents;

/// <summary>
/// What a parser returns: the whole extracted text of one file with its page spans and the structure the parser
/// could see (headings from styles or tags, tables). Every offset is a char index into <see cref="Text"/>.
/// </summary>
public sealed record ExtractedDocument
{
    public required string Text { get; init; }

    public required string MediaType { get; init; }

    /// <summary>The title the file declares or shows, if any; the pipeline falls back to the file name.</summary>
    public string? Title { get; init; }

    /// <summary>Page spans in order. Formats without pages (text, HTML, Word) have a single page 1.</summary>
    public required IReadOnlyList<PageSpan> Pages { get; init; }

    /// <summary>Headings the format marks explicitly (Word heading styles, HTML h1–h6). Empty for PDF and text.</summary>
    public IReadOnlyList<HeadingMark> Headings { get; init; } = [];

    /// <summary>Tables as text spans, one row per line with cells separated by " | ".</summary>
    public IReadOnlyList<TextSpan> Tables { get; init; } = [];

    /// <summary>Things the parser noticed but did not stop for (image-only pages, unmapped fonts).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int PageCount => Pages.Count;

    /// <summary>The page holding a char offset; offsets past the end belong to the last page.</summary>
    public int PageAt(int offset)
    {
        foreach (var page in Pages)
        {
            if (offset < page.End)
            {
                return page.Number;
            }
        }
        return Pages.Count == 0 ? 1 : Pages[^1].Number;
    }
}
