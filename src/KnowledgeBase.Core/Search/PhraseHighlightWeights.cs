using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The weights Lucene's <see cref="QueryScorer"/> gives a passage's words when the question quotes a phrase, worked out
/// from the passage's cached tokens (<see cref="AnalysedPassage"/>) instead of Lucene's way: its
/// WeightedSpanTermExtractor indexes every passage it highlights in a MemoryIndex and runs each phrase there as a span
/// query: most of a quoted question's time (4.0–4.3 ms in `search-profile`, against 0.45 ms for a plain question) and
/// of the 2.4 MB it allocated.
/// <para>
/// A phrase's words weigh only inside the places where the whole phrase stands, as Lucene's extractor marks them:
/// Lucene rewrites an exact phrase of distinct words, one position apart, into an ordered span query with no slop,
/// whose matches in a passage without stacked tokens are exactly the runs of the phrase's words at consecutive
/// positions. Anything else (a sloppy phrase, a stop word's gap, a word twice in a phrase, a prefix) keeps Lucene's
/// highlighter, whose span rules differ there. Tests compare the fragments with Lucene's.
/// </para>
/// </summary>
internal sealed class PhraseHighlightWeights
{
    // The field's clauses in query order (HighlightTermWeights.Clauses); Lucene's extractor reads them so.
    private readonly List<HighlightClause> _clauses;

    private PhraseHighlightWeights(List<HighlightClause> clauses) => _clauses = clauses;

    /// <summary>
    /// For a query of Boolean, term, match-all and simple phrase queries that quotes at least one phrase in
    /// <paramref name="field"/>, the weights to work out per passage; null otherwise.
    /// </summary>
    public static PhraseHighlightWeights? Of(Query query, string field) =>
        HighlightTermWeights.Clauses(query, field) is { } clauses && clauses.Any(c => c.Phrase is not null)
            ? new PhraseHighlightWeights(clauses)
            : null;

    /// <summary>
    /// Each term's weight in <paramref name="passage"/>, as QueryScorer's extractor would find them there; null when
    /// the passage has stacked tokens, whose phrase matches are not simply consecutive tokens.
    /// </summary>
    public Dictionary<string, WeightedSpanTerm>? For(AnalysedPassage passage)
    {
        if (passage.HasStackedTokens)
        {
            return null;
        }
        var weights = new Dictionary<string, WeightedSpanTerm>(StringComparer.Ordinal);
        foreach (var (term, phrase, boost) in _clauses)
        {
            if (phrase is null)
            {
                // A term query replaces what was there (Lucene's PositionCheckingMap then keeps it position-free).
                weights[term] = new WeightedSpanTerm(boost, term);
                continue;
            }
            var spans = Matches(passage, phrase);
            if (spans.Count == 0)
            {
                continue; // a phrase absent from the passage adds nothing, not even its words
            }
            foreach (var word in phrase)
            {
                if (weights.TryGetValue(word, out var known))
                {
                    known.AddPositionSpans(spans);
                }
                else
                {
                    var weighted = new WeightedSpanTerm(boost, word) { IsPositionSensitive = true };
                    weighted.AddPositionSpans(spans);
                    weights[word] = weighted;
                }
            }
        }
        return weights;
    }

    /// <summary>Where the phrase's words stand one after the other, as (first, last) positions.</summary>
    private static List<PositionSpan> Matches(AnalysedPassage passage, string[] phrase)
    {
        var spans = new List<PositionSpan>();
        var tokens = passage.Tokens;
        for (var i = 0; i + phrase.Length <= tokens.Length; i++)
        {
            var word = 0;
            while (word < phrase.Length
                && tokens[i + word].Position == tokens[i].Position + word
                && passage.Term(i + word).SequenceEqual(phrase[word]))
            {
                word++;
            }
            if (word == phrase.Length)
            {
                spans.Add(new PositionSpan(tokens[i].Position, tokens[i].Position + phrase.Length - 1));
            }
        }
        return spans;
    }
}
