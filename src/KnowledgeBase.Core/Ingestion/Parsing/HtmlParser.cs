using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using KnowledgeBase.Core.Documents;
using AngleSharpHtmlParser = AngleSharp.Html.Parser.HtmlParser;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Reads saved web pages with AngleSharp: the main content only (navigation, banners, scripts and hidden
/// elements left out), headings from h1–h6, one line per block element, list items as "- " lines, data tables
/// as rows. AngleSharp decodes the bytes itself, honouring a byte-order mark or a meta charset.
/// </summary>
internal sealed partial class HtmlParser : IDocumentParser
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "iframe", "button",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "dd", "dt", "dl", "ul", "ol", "figure", "figcaption",
        "address", "details", "summary", "hr", "caption", "tr", "td", "th", "header", "footer",
    };

    // Blocks after which a reader sees a paragraph gap rather than just a new line.
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "section", "article", "blockquote", "dl", "ul", "ol", "figure", "details", "hr",
    };

    public IReadOnlyCollection<string> MediaTypes { get; } = [Parsing.MediaTypes.Html];

    public ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        ParserLimits.CheckMarkupSize(content.Length, "HTML");
        ExtractedDocument result;
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            var document = new AngleSharpHtmlParser().ParseDocument(stream);
            var walker = new Walker(cancellationToken);
            walker.WriteRoot(ChooseRoot(document));
            var title = string.IsNullOrWhiteSpace(document.Title) ? walker.FirstH1 ?? FirstH1(document) : document.Title;
            result = walker.Build(title);
        }
        catch (Exception ex) when (ex is not (DocumentRejectedException or OperationCanceledException))
        {
            throw new DocumentRejectedException($"unreadable HTML page: {ex.Message.TrimEnd('.')}", ex);
        }
        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw new DocumentRejectedException("no text in HTML page");
        }
        return result;
    }

    /// <summary>The page's own content if it marks it (main, role=main, a single article), else the whole body.</summary>
    private static INode ChooseRoot(IHtmlDocument document)
    {
        var main = document.QuerySelectorAll("main, [role=main]").FirstOrDefault(e => !IsDroppedWithAncestors(e));
        if (main is not null)
        {
            return main;
        }
        var articles = document.QuerySelectorAll("article").Where(e => !IsDroppedWithAncestors(e)).ToList();
        return articles.Count == 1 ? articles[0] : (INode?)document.Body ?? document.DocumentElement;
    }

    private static string? FirstH1(IHtmlDocument document) =>
        document.QuerySelectorAll("h1").Select(h => Collapse(h.TextContent)).FirstOrDefault(t => t.Length > 0);

    private static bool IsDroppedWithAncestors(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (IsDropped(current))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDropped(IElement element)
    {
        var name = element.LocalName;
        if (name is "header" or "footer")
        {
            // An article's or section's own header holds its heading; only the page banner and footer are chrome.
            return element.ParentElement?.Closest("article, main, section, [role=main]") is null;
        }
        return Dropped.Contains(name)
            || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("style") is { } style && style.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase));
    }

    private static string Collapse(string text) => Whitespace().Replace(TextNormalizer.Normalize(text), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Walks the chosen root in document order, gathering inline text into the current line.</summary>
    private sealed class Walker(CancellationToken cancellationToken)
    {
        private readonly ExtractedTextBuilder _builder = new();
        private readonly StringBuilder _line = new();
        private string _prefix = "";

        public string? FirstH1 { get; private set; }

        public ExtractedDocument Build(string? title) => _builder.Build(Parsing.MediaTypes.Html, title);

        public void WriteRoot(INode root)
        {
            Walk(root);
            Flush();
        }

        private void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _line.Append(text.Data);
                }
                else if (child is IElement element && !IsDropped(element))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    WriteElement(element);
                }
            }
        }

        private void WriteElement(IElement element)
        {
            var name = element.LocalName;
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                Flush();
                var heading = InlineText(element);
                if (heading.Length > 0)
                {
                    var level = name[1] - '0';
                    _builder.AppendHeading(level, heading);
                    FirstH1 ??= level == 1 ? heading : null;
                }
                return;
            }
            switch (name)
            {
                case "br":
                    Flush();
                    break;
                case "pre":
                    Flush();
                    WritePre(element);
                    break;
                case "table" when element is IHtmlTableElement table && IsDataTable(table):
                    Flush();
                    WriteTable(table);
                    break;
                case "li":
                    Flush();
                    _prefix = "- ";
                    Walk(element);
                    Flush();
                    break;
                default:
                    if (!Blocks.Contains(name) && name != "table")
                    {
                        Walk(element);
                        break;
                    }
                    Flush();
                    Walk(element);
                    Flush();
                    // A nested list ends its parent item's line, not the paragraph.
                    if (Paragraphs.Contains(name) && !(name is "ul" or "ol" && element.ParentElement?.Closest("li") is not null))
                    {
                        _builder.AppendParagraphBreak();
                    }
                    break;
            }
        }

        /// <summary>Ends the current line; the "- " of a list item stays until the item's first text is written.</summary>
        private void Flush()
        {
            var text = Collapse(_line.ToString());
            _line.Clear();
            if (text.Length > 0)
            {
                _builder.AppendLine(_prefix + text);
                _prefix = "";
            }
        }

        private void WritePre(IElement pre)
        {
            var raw = new StringBuilder();
            AppendText(pre, raw);
            var lines = TextNormalizer.Normalize(raw.ToString()).Split('\n').Select(l => l.TrimEnd()).ToList();
            var first = lines.FindIndex(l => l.Length > 0);
            var last = lines.FindLastIndex(l => l.Length > 0);
            _builder.AppendParagraphBreak();
            for (var index = first; first >= 0 && index <= last; index++)
            {
                if (lines[index].Length == 0)
                {
                    _builder.AppendParagraphBreak();
                }
                else
                {
                    _builder.AppendLine(lines[index]);
                }
            }
            _builder.AppendParagraphBreak();
        }

        private void WriteTable(IHtmlTableElement table)
        {
            if (table.Caption is { } caption && InlineText(caption) is { Length: > 0 } captionText)
            {
                _builder.AppendParagraphBreak();
                _builder.AppendLine(captionText);
            }
            _builder.BeginTable();
            foreach (var row in table.Rows.Where(r => !IsDropped(r)))
            {
                var cells = row.Cells.Select(InlineText).ToList();
                if (cells.Any(c => c.Length > 0))
                {
                    _builder.AppendTableRow(cells);
                }
            }
            _builder.EndTable();
        }

        /// <summary>
        /// Old pages lay out whole articles in tables; a table whose cells hold headings or tables, or that has a
        /// single column, is read as ordinary blocks instead of rows.
        /// </summary>
        private static bool IsDataTable(IHtmlTableElement table) =>
            table.Rows.Any(r => r.Cells.Length > 1)
            && table.QuerySelector("h1, h2, h3, h4, h5, h6, table") is null;

        /// <summary>An element's visible text on one line: block boundaries and line breaks become spaces.</summary>
        private static string InlineText(IElement element)
        {
            var text = new StringBuilder();
            AppendText(element, text);
            return Collapse(text.ToString());
        }

        private static void AppendText(INode node, StringBuilder text)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    text.Append(t.Data);
                }
                else if (child is IElement element && !IsDropped(element))
                {
                    var boundary = element.LocalName == "br" || Blocks.Contains(element.LocalName) || element.LocalName == "li";
                    if (boundary)
                    {
                        text.Append('\n');
                    }
                    AppendText(element, text);
                    if (boundary)
                    {
                        text.Append('\n');
                    }
                }
            }
        }
    }
}
