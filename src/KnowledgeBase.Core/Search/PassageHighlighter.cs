using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// What Lucene's <c>Highlighter.GetBestFragments(analyzer, field, text, 2)</c> returns with a SimpleFragmenter, a
/// QueryScorer of fixed term weights, <see cref="MinimalHtmlEncoder"/> and &lt;mark&gt; tags: the same fragments,
/// chosen, merged and marked the same way, step for step. Lucene's writes the whole passage out marked up, with a Token
/// object and two substrings per word and a TextFragment per fragment, to return two fragments; this one notes where
/// the words and marks fall and writes out only the fragments it returns. It is used where a query's highlight
/// weights do not depend on the passage (<see cref="HighlightTermWeights"/>), or are worked out for each passage from
/// where its quoted phrases stand (<see cref="PhraseHighlightWeights"/>); tests compare it with Lucene's.
/// </summary>
internal sealed class PassageHighlighter
{
    // Lucene's TokenGroup.MAX_NUM_TOKENS_PER_GROUP.
    private const int MaxTokensPerGroup = 50;

    private readonly Dictionary<string, WeightedSpanTerm> _weights = new(StringComparer.Ordinal);
    private readonly int _fragmentChars;
    private Dictionary<string, WeightedSpanTerm>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Sized for a passage's tokens (147 on average in the shared corpus), so a search's first passage does not grow it.
    private readonly List<Piece> _pieces = new(256);
    private readonly List<Fragment> _fragments = [];
    private readonly HashSet<string> _termsInFragment = new(StringComparer.Ordinal);
    private float _fragmentScore;

    public PassageHighlighter(IEnumerable<WeightedSpanTerm> weights, int fragmentChars)
    {
        foreach (var term in weights)
        {
            // As QueryScorer(WeightedSpanTerm[]): a term given twice keeps its highest weight.
            if (!_weights.TryGetValue(term.Term, out var kept) || kept.Weight < term.Weight)
            {
                _weights[term.Term] = term;
            }
        }
        _fragmentChars = fragmentChars;
    }

    /// <summary>The best two fragments of <paramref name="text"/>, analysed now, best first, or one when they adjoin; none without a match.</summary>
    public string[] BestFragments(Analyzer analyzer, string field, string text) =>
        BestFragments(AnalysedPassage.Analyse(analyzer, field, text), text);

    /// <summary>The best two fragments of <paramref name="text"/>, whose tokens are <paramref name="passage"/>'s.</summary>
    public string[] BestFragments(AnalysedPassage passage, string text) => BestFragments(passage, text, _weights);

    /// <summary>
    /// As <see cref="BestFragments(AnalysedPassage, string)"/>, with this passage's own <paramref name="weights"/>
    /// (keyed by term) instead of the highlighter's: a position-sensitive term scores only inside its spans.
    /// </summary>
    public string[] BestFragments(AnalysedPassage passage, string text, Dictionary<string, WeightedSpanTerm> weights)
    {
        _lookup = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        Split(passage, text);
        // Lucene's FragmentQueue of two: the higher score first, the earlier fragment on a tie.
        Fragment? best = null, second = null;
        foreach (var fragment in _fragments)
        {
            if (best is null || fragment.Score > best.Value.Score)
            {
                (second, best) = (best, fragment);
            }
            else if (second is null || fragment.Score > second.Value.Score)
            {
                second = fragment;
            }
        }
        if (best is not { } first)
        {
            return [];
        }
        if (second is { } other && (first.FirstPiece == other.EndPiece || other.FirstPiece == first.EndPiece))
        {
            // Adjoining fragments become one, in text order, with the better score.
            first = new Fragment(Math.Min(first.FirstPiece, other.FirstPiece), Math.Max(first.EndPiece, other.EndPiece), first.Score);
            second = null;
        }
        var chosen = second is { } next ? new[] { first, next } : [first];
        return [.. chosen.Where(f => f.Score > 0).Select(f => Write(text, f))];
    }

    /// <summary>
    /// Lucene's Highlighter.GetBestTextFragments, recording pieces instead of writing them: overlapping tokens form a
    /// group, marked when one of them scores; a fragment ends at the first group after each <c>fragmentChars</c>.
    /// </summary>
    private void Split(AnalysedPassage passage, string text)
    {
        _pieces.Clear();
        _fragments.Clear();
        StartFragment();
        var (fragmentStart, fragmentCount, lastEnd) = (0, 1, 0);
        var (groupTokens, groupEnd, matchStart, matchEnd, groupScore) = (0, 0, 0, 0, 0f);
        var tokens = passage.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            var (_, start, end, position) = tokens[i];
            if (groupTokens > 0 && start >= groupEnd)
            {
                lastEnd = AddGroup(matchStart, matchEnd, groupScore, lastEnd);
                (groupTokens, groupScore) = (0, 0f);
                if (end >= _fragmentChars * fragmentCount)
                {
                    fragmentCount++;
                    _fragments.Add(new Fragment(fragmentStart, _pieces.Count, _fragmentScore));
                    fragmentStart = _pieces.Count;
                    StartFragment();
                }
            }
            // Scored before the group's size is checked, as Lucene's highlighter does.
            var score = Score(passage.Term(i), position);
            if (groupTokens < MaxTokensPerGroup)
            {
                if (groupTokens == 0)
                {
                    (matchStart, matchEnd, groupEnd, groupScore) = (start, end, end, groupScore + score);
                }
                else
                {
                    groupEnd = Math.Max(groupEnd, end);
                    if (score > 0)
                    {
                        (matchStart, matchEnd) = groupScore == 0 ? (start, end) : (Math.Min(matchStart, start), Math.Max(matchEnd, end));
                        groupScore += score;
                    }
                }
                groupTokens++;
            }
        }
        var lastScore = _fragmentScore;
        if (groupTokens > 0)
        {
            lastEnd = AddGroup(matchStart, matchEnd, groupScore, lastEnd);
        }
        if (lastEnd < text.Length && text.Length <= AnalysedPassage.MaxCharsToAnalyze)
        {
            _pieces.Add(new Piece(lastEnd, text.Length, Marked: false));
        }
        _fragments.Add(new Fragment(fragmentStart, _pieces.Count, lastScore));
    }

    /// <summary>The text between the last group and this one as it is, then the group's matched span, marked when it scored.</summary>
    private int AddGroup(int matchStart, int matchEnd, float groupScore, int lastEnd)
    {
        if (matchStart > lastEnd)
        {
            _pieces.Add(new Piece(lastEnd, matchStart, Marked: false));
        }
        _pieces.Add(new Piece(matchStart, matchEnd, Marked: groupScore > 0));
        return Math.Max(matchEnd, lastEnd);
    }

    /// <summary>
    /// As QueryScorer.GetTokenScore: the term's weight (nothing outside its spans when it is position-sensitive),
    /// counted once per fragment in the fragment's score.
    /// </summary>
    private float Score(ReadOnlySpan<char> term, int position)
    {
        if (!_lookup.TryGetValue(term, out var key, out var weighted)
            || (weighted.IsPositionSensitive && !weighted.CheckPosition(position)))
        {
            return 0;
        }
        if (_termsInFragment.Add(key))
        {
            _fragmentScore += weighted.Weight;
        }
        return weighted.Weight;
    }

    private void StartFragment()
    {
        _termsInFragment.Clear();
        _fragmentScore = 0;
    }

    private string Write(string text, Fragment fragment)
    {
        // The fragment's text and room for its marks, so the builder does not grow.
        var builder = new StringBuilder(_pieces[fragment.EndPiece - 1].End - _pieces[fragment.FirstPiece].Start + 64);
        for (var i = fragment.FirstPiece; i < fragment.EndPiece; i++)
        {
            var piece = _pieces[i];
            var span = text.AsSpan(piece.Start, piece.End - piece.Start);
            if (piece.Marked)
            {
                MinimalHtmlEncoder.Append(builder.Append("<mark>"), span).Append("</mark>");
            }
            else
            {
                MinimalHtmlEncoder.Append(builder, span);
            }
        }
        return builder.ToString();
    }

    /// <summary>A stretch of the passage written as it is or marked.</summary>
    private readonly record struct Piece(int Start, int End, bool Marked);

    /// <summary>A fragment as a range of pieces, with the sum of its distinct terms' weights.</summary>
    private readonly record struct Fragment(int FirstPiece, int EndPiece, float Score);
}
