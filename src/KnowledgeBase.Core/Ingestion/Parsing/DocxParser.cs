using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Reads Word .docx files with the Open XML SDK: body paragraphs and tables in document order, headings from
/// heading styles and outline levels, and page numbers from explicit page and section breaks only. Word's
/// lastRenderedPageBreak marks where some earlier layout happened to break and is ignored.
/// </summary>
internal sealed partial class DocxParser : IDocumentParser
{
    public IReadOnlyCollection<string> MediaTypes { get; } = [Parsing.MediaTypes.Docx];

    public ExtractedDocument Parse(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        ExtractedDocument result;
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            ZipBounds.Check(stream);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            if (document.MainDocumentPart is not { Document.Body: { } body } main)
            {
                throw new DocumentRejectedException("corrupt Word document: it has no main document body");
            }
            var walker = new Walker(main.StyleDefinitionsPart?.Styles, body.Descendants<SectionProperties>(), cancellationToken);
            walker.Write(body);
            var declared = document.PackageProperties.Title;
            result = walker.Build(string.IsNullOrWhiteSpace(declared) ? walker.Title : declared);
        }
        catch (Exception ex) when (ex is not (DocumentRejectedException or OperationCanceledException))
        {
            throw new DocumentRejectedException($"corrupt Word document: {ex.Message.TrimEnd('.')}", ex);
        }
        if (string.IsNullOrWhiteSpace(result.Text))
        {
            throw new DocumentRejectedException("no text in Word document");
        }
        return result;
    }

    // Built-in heading styles: id "Heading2" in English Word, name "heading 2" in every language.
    [GeneratedRegex(@"^heading\s*(?<level>[1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingStyle();

    // ITU templates put annex and appendix titles in their own styles ("Annex_NoTitle", "Appendix_No & title").
    [GeneratedRegex(@"^(annex|appendix)[\s_]*(no|title|no[\s_&]*title)\d*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnnexStyle();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    /// <summary>The state of one parse: the text builder, the page counter and the styles to resolve.</summary>
    private sealed class Walker(Styles? styles, IEnumerable<SectionProperties> sections, CancellationToken cancellationToken)
    {
        private const char PageBreakMark = '\f';

        private readonly ExtractedTextBuilder _builder = new();
        private readonly Dictionary<string, Style> _styles = IndexStyles(styles);
        private readonly List<SectionProperties> _sections = sections.ToList();
        private int _page = 1;
        private bool _pageHasText;
        private int _autoNumberedHeadings;
        private string? _titleParagraph;
        private string? _firstHeading;

        public string? Title => _titleParagraph ?? _firstHeading;

        public ExtractedDocument Build(string? title)
        {
            if (_autoNumberedHeadings > 0)
            {
                _builder.Warn($"{_autoNumberedHeadings} heading(s) use Word's automatic numbering; their clause numbers are not in the text");
            }
            return _builder.Build(Parsing.MediaTypes.Docx, title);
        }

        public void Write(Body body)
        {
            _builder.StartPage(1); // so page 1 exists even when the body starts with a page break
            WalkBlocks(body);
        }

        private void WalkBlocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case Paragraph paragraph:
                        WriteParagraph(paragraph);
                        break;
                    case Table table:
                        WriteTable(table);
                        break;
                    case SectionProperties:
                        break;
                    default:
                        // Content controls and custom XML wrap ordinary paragraphs and tables.
                        WalkBlocks(child);
                        break;
                }
            }
        }

        private void WriteParagraph(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            var chain = StyleChain(styleId).ToList();
            if (_pageHasText && HasPageBreakBefore(properties, chain))
            {
                NewPage();
            }
            var level = HeadingLevel(properties, chain);
            var segments = ParagraphText(paragraph).Split(PageBreakMark);
            for (var index = 0; index < segments.Length; index++)
            {
                if (index > 0)
                {
                    NewPage();
                }
                var lines = segments[index].Split('\n').Select(CleanLine).Where(l => l.Length > 0).ToList();
                if (lines.Count == 0)
                {
                    continue;
                }
                _pageHasText = true;
                if (level is { } headingLevel)
                {
                    var text = string.Join(" ", lines);
                    _builder.AppendHeading(headingLevel, text);
                    _firstHeading ??= text;
                    if (properties?.NumberingProperties is not null || chain.Any(s => s.StyleParagraphProperties?.NumberingProperties is not null))
                    {
                        _autoNumberedHeadings++;
                    }
                    continue;
                }
                if (_titleParagraph is null && (styleId == "Title" || (chain.Count > 0 && IsTitleStyle(chain[0]))))
                {
                    _titleParagraph = string.Join(" ", lines);
                }
                lines.ForEach(_builder.AppendLine);
                _builder.AppendParagraphBreak();
            }
            if (properties?.SectionProperties is { } section && NextSectionStartsPage(section))
            {
                NewPage();
            }
        }

        private void WriteTable(Table table)
        {
            _builder.BeginTable();
            foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
            {
                var cells = row.Descendants<TableCell>()
                    .Where(c => c.Ancestors<TableRow>().First() == row)
                    .Select(CellText)
                    .ToList();
                if (cells.Any(c => c.Length > 0))
                {
                    _builder.AppendTableRow(cells);
                    _pageHasText = true;
                }
            }
            _builder.EndTable();
        }

        /// <summary>A cell's paragraphs on one line; a nested table contributes its cells' text in reading order.</summary>
        private static string CellText(TableCell cell) =>
            string.Join(" ", cell.Descendants<Paragraph>()
                .Where(p => !p.Ancestors().Any(a => a is Drawing or Picture or AlternateContentFallback))
                .Select(p => string.Join(" ", ParagraphText(p).Split('\n', PageBreakMark).Select(CleanLine)))
                .Where(t => !string.IsNullOrWhiteSpace(t))
                .Select(t => t.Trim()));

        private void NewPage()
        {
            _page++;
            _builder.StartPage(_page);
            _pageHasText = false;
        }

        /// <summary>
        /// A section's w:type says how that section starts, so the break after a paragraph holding a section's
        /// properties is decided by the next section's type; a missing type means "next page".
        /// </summary>
        private bool NextSectionStartsPage(SectionProperties section)
        {
            var index = _sections.IndexOf(section);
            if (index < 0 || index + 1 >= _sections.Count)
            {
                return true;
            }
            var type = _sections[index + 1].GetFirstChild<SectionType>()?.Val?.Value;
            return type != SectionMarkValues.Continuous && type != SectionMarkValues.NextColumn;
        }

        private static int? HeadingLevel(ParagraphProperties? properties, List<Style> chain)
        {
            if (LevelOf(properties?.OutlineLevel) is { } direct)
            {
                return direct;
            }
            if (properties?.OutlineLevel is not null)
            {
                return null; // level 9 is Word's explicit "body text"
            }
            // A style id missing from the styles part (files written by other tools) still names a heading.
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            if (styleId is not null && !chain.Any(s => s.StyleId?.Value == styleId))
            {
                return NamedLevel(styleId);
            }
            foreach (var style in chain)
            {
                if ((NamedLevel(style.StyleName?.Val?.Value) ?? NamedLevel(style.StyleId?.Value)) is { } named)
                {
                    return named;
                }
                if (style.StyleParagraphProperties?.OutlineLevel is { } outline)
                {
                    return LevelOf(outline);
                }
            }
            return null;
        }

        private static int? NamedLevel(string? styleName)
        {
            if (styleName is null)
            {
                return null;
            }
            if (HeadingStyle().Match(styleName) is { Success: true } heading)
            {
                return int.Parse(heading.Groups["level"].ValueSpan, CultureInfo.InvariantCulture);
            }
            return AnnexStyle().IsMatch(styleName) ? 1 : null;
        }

        private static int? LevelOf(OutlineLevel? outline) =>
            outline?.Val?.Value is { } value and >= 0 and <= 8 ? value + 1 : null;

        private static bool HasPageBreakBefore(ParagraphProperties? properties, List<Style> chain)
        {
            var flag = properties?.PageBreakBefore
                ?? chain.Select(s => s.StyleParagraphProperties?.PageBreakBefore).FirstOrDefault(b => b is not null);
            return flag is not null && (flag.Val is null || flag.Val.Value);
        }

        private static bool IsTitleStyle(Style style) =>
            string.Equals(style.StyleId?.Value, "Title", StringComparison.OrdinalIgnoreCase)
            || string.Equals(style.StyleName?.Val?.Value, "Title", StringComparison.OrdinalIgnoreCase);

        /// <summary>The paragraph's style and the styles it is based on; the default paragraph style if it has none.</summary>
        private IEnumerable<Style> StyleChain(string? styleId)
        {
            var style = styleId is not null && _styles.TryGetValue(styleId, out var named)
                ? named
                : _styles.Values.FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true);
            var seen = new HashSet<Style>();
            while (style is not null && seen.Add(style))
            {
                yield return style;
                var basedOn = style.BasedOn?.Val?.Value;
                style = basedOn is not null && _styles.TryGetValue(basedOn, out var parent) ? parent : null;
            }
        }

        private static Dictionary<string, Style> IndexStyles(Styles? styles)
        {
            var index = new Dictionary<string, Style>(StringComparer.Ordinal);
            foreach (var style in styles?.Elements<Style>() ?? [])
            {
                if (style.StyleId?.Value is { } id)
                {
                    index.TryAdd(id, style);
                }
            }
            return index;
        }

        /// <summary>The paragraph's visible text: '\t' for tabs, '\n' for line breaks, '\f' for page breaks.</summary>
        private static string ParagraphText(Paragraph paragraph)
        {
            var text = new StringBuilder();
            AppendRunText(paragraph, text);
            return TextNormalizer.Normalize(text.ToString());
        }

        private static void AppendRunText(OpenXmlElement element, StringBuilder text)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append('\t');
                        break;
                    case Break br when br.Type?.Value == BreakValues.Page:
                        text.Append(PageBreakMark);
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    // Deleted revisions, field instructions and figure drawings are not part of the reading text;
                    // AlternateContent repeats its choice as a fallback.
                    case DeletedRun or FieldCode or DeletedFieldCode or Drawing or Picture or EmbeddedObject
                        or AlternateContentFallback or ParagraphProperties or RunProperties:
                        break;
                    default:
                        AppendRunText(child, text);
                        break;
                }
            }
        }

        /// <summary>Tabs become one space, so "6.2&lt;tab&gt;Incident handling" reads "6.2 Incident handling".</summary>
        private static string CleanLine(string line) => Spaces().Replace(line, " ").Trim();
    }
}
