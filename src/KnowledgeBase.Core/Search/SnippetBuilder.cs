using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Best-matching fragments of a chunk's text, HTML-escaped, with the query terms in &lt;mark&gt;. With
/// <c>termsOnly</c> the fragments are scored by the query's terms alone, not its phrases' positions: much cheaper for
/// queries of hundreds of phrases (a comparison's topics), whose positional scoring indexes every passage in memory.
/// </summary>
internal sealed class SnippetBuilder(Query textQuery, Analyzer analyzer, bool termsOnly = false)
{
    private const int FragmentChars = 220;

    private readonly Dictionary<string, Highlighter> _byField = [];

    /// <summary>Highlights with the analyzer of the chunk's language, as it was indexed.</summary>
    public string Build(string text, string? language)
    {
        var field = LanguageFields.Field(IndexFields.Body, language);
        if (!_byField.TryGetValue(field, out var highlighter))
        {
            IScorer scorer = termsOnly ? new QueryTermScorer(textQuery, field) : new QueryScorer(textQuery, field);
            highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, scorer)
            {
                TextFragmenter = new SimpleFragmenter(FragmentChars),
            };
            _byField[field] = highlighter;
        }
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var fragments = highlighter.GetBestFragments(analyzer, field, flat, 2);
        if (fragments.Length > 0)
        {
            return string.Join(" … ", fragments.Select(f => f.Trim()));
        }
        if (flat.Length == 0)
        {
            return "(no extractable text: scanned pages awaiting OCR)";
        }
        // Matched on title or identifier only: show the start of the passage.
        var head = flat.Length > FragmentChars ? flat[..FragmentChars] + "…" : flat;
        return MinimalHtmlEncoder.Instance.EncodeText(head);
    }
}
