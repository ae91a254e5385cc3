using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Builds an <see cref="ExtractedDocument"/> line by line so that page spans, heading and table offsets always agree
/// with the final text. Parsers call it in reading order; blank lines separate paragraphs. It refuses a document
/// past <see cref="ParserLimits"/> (characters, pages, table cells) as soon as it gets there.
/// </summary>
public sealed class ExtractedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<PageSpan> _pages = [];
    private readonly List<HeadingMark> _headings = [];
    private readonly List<TextSpan> _tables = [];
    private readonly List<string> _warnings = [];
    private int _pageNumber;
    private int _pageStart;
    private bool _pageImageOnly;
    private int? _tableStart;
    private int _tableCells;

    public int Length => _text.Length;

    /// <summary>Starts a new page; the previous one, if any, ends here.</summary>
    public void StartPage(int number, bool isImageOnly = false)
    {
        ClosePage();
        if (number > ParserLimits.MaxPages)
        {
            throw new DocumentRejectedException($"document too long: more than {ParserLimits.Count(ParserLimits.MaxPages)} pages");
        }
        _pageNumber = number;
        _pageStart = _text.Length;
        _pageImageOnly = isImageOnly;
    }

    public void AppendLine(string line)
    {
        EnsurePage();
        if (_text.Length + line.Length >= ParserLimits.MaxCharacters)
        {
            throw new DocumentRejectedException($"document too long: more than {ParserLimits.Count(ParserLimits.MaxCharacters)} characters of text");
        }
        _text.Append(line).Append('\n');
    }

    /// <summary>Appends text a parser has already shaped (a page kept as it was when others are re-read).</summary>
    public void AppendVerbatim(string text)
    {
        EnsurePage();
        _text.Append(text);
    }

    /// <summary>Ends a paragraph: at most one blank line in a row, none at the start of the text.</summary>
    public void AppendParagraphBreak()
    {
        EnsurePage();
        if (_text.Length > 0 && !EndsWithBlankLine())
        {
            _text.Append('\n');
        }
    }

    public void AppendHeading(int level, string text)
    {
        AppendParagraphBreak();
        _headings.Add(new HeadingMark(_text.Length, Math.Max(1, level), text));
        AppendLine(text);
        AppendParagraphBreak();
    }

    public void BeginTable()
    {
        AppendParagraphBreak();
        _tableStart = _text.Length;
    }

    public void AppendTableRow(IEnumerable<string> cells)
    {
        var trimmed = cells.Select(c => c.Trim()).ToList();
        _tableCells += trimmed.Count;
        if (_tableCells > ParserLimits.MaxTableCells)
        {
            throw new DocumentRejectedException($"document too large: more than {ParserLimits.Count(ParserLimits.MaxTableCells)} table cells");
        }
        AppendLine(string.Join(" | ", trimmed));
    }

    public void EndTable()
    {
        if (_tableStart is { } start && _text.Length > start)
        {
            _tables.Add(new TextSpan(start, _text.Length));
        }
        _tableStart = null;
        AppendParagraphBreak();
    }

    public void Warn(string warning) => _warnings.Add(warning);

    public ExtractedDocument Build(string mediaType, string? title)
    {
        ClosePage();
        if (_pages.Count == 0)
        {
            _pages.Add(new PageSpan(1, 0, _text.Length));
        }
        return new ExtractedDocument
        {
            Text = _text.ToString(),
            MediaType = mediaType,
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            Pages = _pages.ToArray(),
            Headings = _headings.ToArray(),
            Tables = _tables.ToArray(),
            Warnings = _warnings.ToArray(),
        };
    }

    private void EnsurePage()
    {
        if (_pageNumber == 0)
        {
            StartPage(1);
        }
    }

    private void ClosePage()
    {
        if (_pageNumber > 0)
        {
            _pages.Add(new PageSpan(_pageNumber, _pageStart, _text.Length, _pageImageOnly));
            _pageNumber = 0;
        }
    }

    private bool EndsWithBlankLine() =>
        _text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n';
}
