using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Tells a garbage text layer from real text by measurable signals, so such a page is read by OCR instead. Fonts
/// without a Unicode map yield private-use or replacement chars, or ASCII punctuation and Latin-1 symbols where the
/// page really holds CJK text (GB 17859-1999); real prose in any script is mostly letters and digits, and its Latin
/// tokens mostly look like words.
/// </summary>
internal static partial class TextLayerQuality
{
    // Measured on ../shared/corpus (TextLayerQualityTests): GB 17859-1999's pages score 0.5–0.9 noise, born-digital
    // pages in English, Chinese and Arabic at most 0.2, dense tables and tables of contents included.
    private const double MaxNoiseShare = 0.4;

    // Share of Latin tokens that must look like words (letters with a vowel, or a number); cipher-like text from a
    // shifted encoding ("Jqfqtnsl") has vowels too, so this only catches the blunt cases ("³:¬­óô", "ñ,ò&*%").
    private const double MinWordLikeShare = 0.35;

    public static bool IsGarbage(string pageText)
    {
        var text = DotLeaders().Replace(pageText, "").Replace(" ", "");
        if (text.Length < 20)
        {
            return false;
        }
        return NoiseShare(text) > MaxNoiseShare || WordLikeShare(pageText) < MinWordLikeShare;
    }

    /// <summary>
    /// Private-use, replacement and control chars, Latin-1 symbols and letters (a French page has a few per cent), and
    /// ASCII punctuation other than what identifiers and tables use.
    /// </summary>
    public static double NoiseShare(string text)
    {
        var noise = text.Count(c => c is >= '\uE000' and <= '\uF8FF' or '\uFFFD' or (>= '\u00A0' and <= '\u00FF')
            || char.IsControl(c) || (c < 128 && !char.IsLetterOrDigit(c) && c is not ('_' or '-' or '.' or '|' or ',')));
        return (double)noise / Math.Max(1, text.Length);
    }

    /// <summary>Of the tokens written in Latin letters, the share that look like words or numbers; 1 without enough of them.</summary>
    public static double WordLikeShare(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value).Where(t => t.Any(c => c < '\u0250' && char.IsLetter(c))).ToList();
        if (tokens.Count < 15)
        {
            return 1;
        }
        return (double)tokens.Count(t => WordLike().IsMatch(t)) / tokens.Count;
    }

    [GeneratedRegex(@"\.{3,}")]
    private static partial Regex DotLeaders();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Tokens();

    // A word: letters (with a vowel, or a short all-caps acronym) and inner hyphens or apostrophes, with optional
    // punctuation around; or a number, clause number or identifier with digits.
    [GeneratedRegex(@"^[\p{P}]*(([\p{L}]*[aeiouyAEIOUYà-ÿÀ-ß][\p{L}'’\-]*)|[\p{Lu}]{1,6}|[\p{L}\p{N}][\p{L}\p{N}.\-/]*\p{N}[\p{L}\p{N}.\-/]*)[\p{P}]*$")]
    private static partial Regex WordLike();
}
