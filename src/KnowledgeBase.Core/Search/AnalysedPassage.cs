using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// A passage's tokens as its language's analyzer makes them, in stream order: what <see cref="PassageHighlighter"/>
/// reads to find the query's words. They depend only on the passage, never on the query, so one analysis serves
/// every search that shows the passage (<see cref="AnalysedPassageCache"/>). The terms are held as one string of
/// their characters end to end and four numbers per token (≈30 bytes a token): a pool of shared term strings was
/// measured slower to fill than the analysis it saves, its large table missing the processor's caches on every token.
/// </summary>
internal sealed class AnalysedPassage
{
    /// <summary>Lucene's Highlighter.DEFAULT_MAX_CHARS_TO_ANALYZE: tokens starting beyond it are not read.</summary>
    public const int MaxCharsToAnalyze = 50 * 1024;

    // What this thread is analysing, copied out at the end into one string and one array of the exact sizes.
    [ThreadStatic]
    private static ArrayBufferWriter<char>? t_terms;
    [ThreadStatic]
    private static List<AnalysedToken>? t_tokens;

    private readonly string _terms;
    private readonly AnalysedToken[] _tokens;

    private AnalysedPassage(string terms, AnalysedToken[] tokens, bool stacked) => (_terms, _tokens, HasStackedTokens) = (terms, tokens, stacked);

    public ReadOnlySpan<AnalysedToken> Tokens => _tokens;

    /// <summary>Whether two tokens share a position (an increment of 0): then a phrase is not simply consecutive tokens.</summary>
    public bool HasStackedTokens { get; }

    public int TokenCount => _tokens.Length;

    /// <summary>Memory the passage holds, roughly: its term characters and its tokens, with the objects' headers.</summary>
    public long Bytes => 2L * _terms.Length + 16L * _tokens.Length + 80;

    /// <summary>The term of the token at <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index)
    {
        var start = index == 0 ? 0 : _tokens[index - 1].TermEnd;
        return _terms.AsSpan(start, _tokens[index].TermEnd - start);
    }

    /// <summary>
    /// The tokens of <paramref name="text"/> in <paramref name="field"/>, up to the first that starts beyond
    /// <see cref="MaxCharsToAnalyze"/>, as Lucene's highlighter reads them.
    /// </summary>
    /// <exception cref="InvalidTokenOffsetsException">A token's offsets fall outside the text (as Lucene's highlighter throws).</exception>
    public static AnalysedPassage Analyse(Analyzer analyzer, string field, string text)
    {
        var terms = t_terms ??= new ArrayBufferWriter<char>(4096);
        var tokens = t_tokens ??= new List<AnalysedToken>(1024);
        terms.ResetWrittenCount();
        tokens.Clear();
        var (position, stacked) = (-1, false);
        var stream = analyzer.GetTokenStream(field, text);
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && offset.StartOffset < MaxCharsToAnalyze)
            {
                if (offset.EndOffset > text.Length || offset.StartOffset > text.Length)
                {
                    throw new InvalidTokenOffsetsException($"Token {term} exceeds length of provided text sized {text.Length}");
                }
                terms.Write(term.Buffer.AsSpan(0, term.Length));
                stacked |= increment.PositionIncrement == 0;
                position += increment.PositionIncrement;
                tokens.Add(new AnalysedToken(terms.WrittenCount, offset.StartOffset, offset.EndOffset, position));
            }
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
        return new AnalysedPassage(new string(terms.WrittenSpan), [.. tokens], stacked);
    }
}
