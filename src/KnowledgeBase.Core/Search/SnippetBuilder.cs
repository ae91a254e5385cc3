using System.Buffers;
using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Best-matching fragments of a chunk's text, HTML-escaped, with the query terms in &lt;mark&gt;. With
/// <c>termsOnly</c> the fragments are scored by the query's terms alone, not its phrases' positions: much cheaper for
/// queries of hundreds of phrases (a comparison's topics), whose positional scoring indexes every passage in memory.
/// Given the <paramref name="reader"/> the passages come from, a passage's analysis is taken from
/// <paramref name="cache"/> (by default <see cref="AnalysedPassageCache.Shared"/>) when a search has already shown it.
/// </summary>
internal sealed class SnippetBuilder(
    Query textQuery, Analyzer analyzer, bool termsOnly = false, IndexReader? reader = null, AnalysedPassageCache? cache = null)
{
    private const int FragmentChars = 220;

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\n\r\t");

    private readonly Dictionary<string, Func<string, int?, string[]>> _byField = [];

    /// <summary>
    /// Highlights with the analyzer of the chunk's language, as it was indexed. <paramref name="doc"/> is the
    /// passage's number in the builder's reader, when it has one.
    /// </summary>
    public string Build(string text, string? language, int? doc = null) => BuildFlat(Flatten(text), language, doc);

    /// <summary>As <see cref="Build"/>, of a text already on one line (<see cref="Flatten"/>).</summary>
    public string BuildFlat(string flat, string? language, int? doc = null)
    {
        var field = LanguageFields.Field(IndexFields.Body, language);
        if (!_byField.TryGetValue(field, out var bestFragments))
        {
            bestFragments = BestFragments(field);
            _byField[field] = bestFragments;
        }
        var fragments = bestFragments(flat, doc);
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

    /// <summary>
    /// How a passage's best two fragments are found in <paramref name="field"/>. A query of terms alone weighs a word
    /// the same in every passage, so its weights are read once (<see cref="HighlightTermWeights"/>) and
    /// <see cref="PassageHighlighter"/> marks the passages; a query that quotes exact phrases has its weights worked out
    /// per passage from the passage's tokens (<see cref="PhraseHighlightWeights"/>); any other (a prefix, a sloppy
    /// phrase) keeps Lucene's highlighter and its positional QueryScorer, which looks at each passage (given only the
    /// field's clauses, <see cref="FieldClauses"/>); <c>termsOnly</c> Lucene's with a QueryTermScorer.
    /// </summary>
    private Func<string, int?, string[]> BestFragments(string field)
    {
        if (!termsOnly && HighlightTermWeights.Of(textQuery, field) is { } weights)
        {
            var passages = new PassageHighlighter(weights, FragmentChars);
            return (text, doc) => passages.BestFragments(Analysed(field, text, doc), text);
        }
        if (!termsOnly && PhraseHighlightWeights.Of(textQuery, field) is { } phrases)
        {
            var passages = new PassageHighlighter([], FragmentChars);
            Func<string, int?, string[]>? lucene = null;
            return (text, doc) =>
            {
                var analysed = Analysed(field, text, doc);
                // Lucene's extractor reads a long passage's tokens only so far; a stacked token breaks "consecutive".
                return text.Length <= AnalysedPassage.MaxCharsToAnalyze && phrases.For(analysed) is { } passageWeights
                    ? passages.BestFragments(analysed, text, passageWeights)
                    : (lucene ??= LuceneFragments(field))(text, doc);
            };
        }
        return LuceneFragments(field);
    }

    private AnalysedPassage Analysed(string field, string text, int? doc) =>
        reader is not null && doc is { } number
            ? (cache ?? AnalysedPassageCache.Shared).Get(reader, number, field, analyzer, text)
            : AnalysedPassage.Analyse(analyzer, field, text);

    private Func<string, int?, string[]> LuceneFragments(string field)
    {
        IScorer scorer = termsOnly ? new QueryTermScorer(textQuery, field) : new QueryScorer(FieldClauses.Of(textQuery, field), field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), MinimalHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = new SimpleFragmenter(FragmentChars),
        };
        return (text, _) => highlighter.GetBestFragments(analyzer, field, text, 2);
    }

    /// <summary>
    /// The text on one line: the pieces between line breaks and tabs, the empty ones left out, joined by one space
    /// (what <c>string.Join(' ', text.Split(breaks, RemoveEmptyEntries))</c> makes); the text itself when it holds
    /// none. Its length is counted first so that it is written once: a passage is kilobytes, and a builder's buffer and
    /// its copy were a tenth of all a search allocated.
    /// </summary>
    internal static string Flatten(string text)
    {
        if (text.AsSpan().IndexOfAny(Breaks) < 0)
        {
            return text;
        }
        var (length, pieces) = (0, 0);
        foreach (var range in text.AsSpan().SplitAny(Breaks))
        {
            var count = range.GetOffsetAndLength(text.Length).Length;
            if (count > 0)
            {
                length += count;
                pieces++;
            }
        }
        return string.Create(length + Math.Max(0, pieces - 1), text, static (flat, text) =>
        {
            var at = 0;
            foreach (var range in text.AsSpan().SplitAny(Breaks))
            {
                var piece = text.AsSpan()[range];
                if (piece.IsEmpty)
                {
                    continue;
                }
                if (at > 0)
                {
                    flat[at++] = ' ';
                }
                piece.CopyTo(flat[at..]);
                at += piece.Length;
            }
        });
    }
}
