using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// Splits a span of text into sentence spans. Latin full stops end a sentence only before white space and not
/// after a common abbreviation; CJK and Arabic end marks end one wherever they stand.
/// </summary>
internal static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "cf", "fig", "no", "nos", "vol", "rec", "sec", "art", "para", "p", "pp", "mr", "dr", "st",
        "vs", "al", "approx", "ref", "incl", "ed", "rev", "corr", "amd", "suppl", "inc", "ltd", "co", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static IEnumerable<TextSpan> Split(string text, TextSpan span)
    {
        var start = span.Start;
        foreach (Match end in SentenceEnd().Matches(text[span.Start..span.End]))
        {
            var stop = span.Start + end.Index + end.Length;
            if (end.Value[0] == '.' && IsAbbreviation(text, span.Start + end.Index))
            {
                continue;
            }
            if (stop > start)
            {
                yield return new TextSpan(start, stop);
                start = stop;
            }
        }
        if (start < span.End)
        {
            yield return new TextSpan(start, span.End);
        }
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    // A sentence ends after ., !, ?, ; (Latin), 。！？； (CJK) or ؟ ۔ (Arabic), with closing quotes or brackets.
    [GeneratedRegex(@"([.!?;؟۔][""'”’)\]]*\s+|[。！？；][""'”’」』）]*\s*)")]
    private static partial Regex SentenceEnd();
}
