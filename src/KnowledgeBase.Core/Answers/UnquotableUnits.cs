using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Units of a passage an extractive answer must not quote because they say nothing on their own: headings,
/// figure and table captions, table-of-contents lines, and garbled text (table cells run together, letter-spaced
/// covers, a font without a Unicode map). Asked how to set up a national CIRT, the answer quoted "2.3 Incident
/// Response Team Structure" and rows of a table as if they were guidance.
/// </summary>
internal static partial class UnquotableUnits
{
    // A heading is short; a longer unit without a full stop is a sentence the PDF broke, which may still inform.
    private const int MaxHeadingWords = 14;

    // Below this share of letters among the visible characters a unit is numbers, symbols or table rules.
    private const double MinLetterShare = 0.6;

    // Letter-spaced text ("I n t e r n a t i o n a l") or words broken by the extractor ("res pon se") leave
    // many one- and two-letter fragments that are not words; prose has short words, but real ones.
    private const double MaxFragmentShare = 0.3;
    private const int MinWordsToJudge = 6;

    // The one- and two-letter words of the corpus's Latin-script languages (English, French, Spanish).
    private static readonly HashSet<string> ShortWords = new(
        [
            "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of",
            "on", "or", "so", "to", "up", "us", "we", "à", "y", "o", "e", "au", "ce", "de", "du", "en", "et", "il", "la",
            "le", "ne", "ou", "sa", "se", "si", "un", "al", "el", "es", "lo", "mi", "ni", "su", "tu", "yo", "ya", "ha",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static bool Excludes(PassageUnit unit) =>
        IsContentsLine(unit.Text) || IsCaption(unit.Text) || IsGarbled(unit.Text)
        || (!unit.IsListItem && (IsHeading(unit.Text) || unit.IsSentenceTail));

    /// <summary>"3.2 Detection and Analysis ........ 25", "Table of Contents", or a heading followed by its page number.</summary>
    public static bool IsContentsLine(string text) =>
        DotLeader().IsMatch(text) || ContentsTitle().IsMatch(text) || (IsHeading(PageNumberAtEnd().Replace(text, "")) && PageNumberAtEnd().IsMatch(text));

    /// <summary>"Figure 3-1. Incident Response Life Cycle", "Table 2 – Functional impact categories"; not "Table 2 lists the impacts."</summary>
    public static bool IsCaption(string text)
    {
        var caption = CaptionStart().Match(text);
        return caption.Success && (caption.Groups["separator"].Success || !EndsSentence(text));
    }

    /// <summary>
    /// A clause heading ("2.3.1 Team Models", "Annex A Glossary", "Chapter 4: Follow-Up Mechanisms") or a short
    /// line in title case, in either case without the full stop that ends a sentence.
    /// </summary>
    public static bool IsHeading(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || EndsSentence(trimmed))
        {
            return false;
        }
        var words = Words().Matches(trimmed).Select(m => m.Value).ToList();
        if (words.Count > MaxHeadingWords)
        {
            return false;
        }
        if (ClauseStart().IsMatch(trimmed))
        {
            return true;
        }
        // Title case: nearly every word of four letters or more is capitalised ("Incident Response Team Structure").
        var long_ = words.Where(w => w.Length >= 4).ToList();
        return long_.Count >= 2 && long_.Count(w => char.IsUpper(w[0])) >= 0.8 * long_.Count;
    }

    /// <summary>Mostly not letters, many one- and two-letter fragments of words, or a run of numbers.</summary>
    public static bool IsGarbled(string text)
    {
        var visible = text.Count(c => !char.IsWhiteSpace(c));
        if (visible == 0)
        {
            return true;
        }
        if ((double)text.Count(char.IsLetter) / visible < MinLetterShare)
        {
            return true;
        }
        var words = Words().Matches(text).Select(m => m.Value).ToList();
        if (words.Count >= MinWordsToJudge && (double)words.Count(IsFragment) / words.Count > MaxFragmentShare)
        {
            return true;
        }
        return NumberRun().IsMatch(text);
    }

    // An acronym ("IT", "EU") is a word; "ou", "ld" and a lone "t" are pieces of one.
    private static bool IsFragment(string word) =>
        word.Length <= 2 && !ShortWords.Contains(word) && !(word.Length == 2 && word.All(char.IsUpper));

    private static bool EndsSentence(string text) => SentenceEnd().IsMatch(text);

    [GeneratedRegex(@"[.!?;:]["")”’]?\s*(\[\d+\])?$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\.{4,}|…{2,}|(?:\.\s){4,}")]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"^\s*(?:table of contents|contents|list of (?:figures|tables))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsTitle();

    // "25", "3-6" (chapter-page), "A-1" (annex page), "iv".
    [GeneratedRegex(@"\s+(?:(?:[A-Z]-|\d{1,2}-)?\d{1,3}|[ivxl]{1,6})\s*$")]
    private static partial Regex PageNumberAtEnd();

    [GeneratedRegex(@"^\s*(?:Figure|Fig\.|Table|Exhibit|Box)\s+(?:[A-Z]\.?)?[\dIVX]+(?:[.\-–]\d+)*(?<separator>\s*[.:–—]|\s+-)?(?:\s|$)")]
    private static partial Regex CaptionStart();

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|[A-Z]\.\d{1,2}(?:\.\d{1,2})*|(?:Annex|Appendix|Chapter|Section|Part|Article)\s+[\dA-Z]{1,4}\b[.:]?)\s+\p{Lu}")]
    private static partial Regex ClauseStart();

    // Four or more numbers in a row, separated only by spaces or table punctuation: a table row read across
    // ("3 0.5 12 8 High") or a run of page and clause numbers.
    [GeneratedRegex(@"(?<![\p{L}\d.])\d[\d.,%]*(?:[\s|/]+\d[\d.,%]*){3,}")]
    private static partial Regex NumberRun();
}
