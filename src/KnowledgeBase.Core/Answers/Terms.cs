using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Util;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Content words of a text as light stems, for matching a question against sentences: lower case, accents
/// dropped, stop and question words removed, common suffixes cut and at most <see cref="StemLength"/> letters
/// kept, so "sharing", "shared" and "share" meet, as do "réponse" and "respond".
/// </summary>
internal static class Terms
{
    private const int StemLength = 6;

    private static readonly string[] Suffixes = ["ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s", "e"];

    // Words that shape a question but say nothing about its subject. Declared before StopWords, which reads it.
    private static readonly string[] QuestionWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "should", "must", "can", "could",
        "would", "do", "does", "did", "done", "have", "has", "had", "about", "its", "it", "their", "them", "they",
        "this", "these", "those", "there", "any", "according", "say", "says", "said", "tell", "describe", "explain",
        "list", "give", "main", "key", "also", "from", "much", "many", "often", "long", "our", "we", "my", "me", "i", "you", "your", "between",
        "quoi", "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "doit", "doivent", "selon",
        "que", "cual", "cuales", "como", "debe", "deben", "segun", "sobre",
    ];

    private static readonly CharArraySet StopWords = Build();

    public static IReadOnlyList<string> Of(string text) =>
        Words(text).Where(w => !StopWords.Contains(w) && (w.Length > 1 || char.IsDigit(w[0]))).Select(Stem).ToList();

    public static bool IsStopWord(string word) => StopWords.Contains(word.ToLowerInvariant());

    /// <summary>Lower-cased words without accents; dots and hyphens stay inside identifiers like "800-61" or "x.1056".</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        var plain = RemoveAccents(text.ToLowerInvariant());
        for (var i = 0; i <= plain.Length; i++)
        {
            var c = i < plain.Length ? plain[i] : ' ';
            var joins = (c is '.' or '-') && word.Length > 0 && i + 1 < plain.Length && char.IsLetterOrDigit(plain[i + 1]) && char.IsDigit(plain[i + 1]);
            if (char.IsLetterOrDigit(c) || joins)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static string Stem(string word)
    {
        if (word.Any(char.IsDigit))
        {
            return word;
        }
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 4 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length > StemLength ? word[..StemLength] : word;
    }

    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            kept.Append(c);
        }
        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    private static CharArraySet Build()
    {
        var set = new CharArraySet(Lucene.Net.Util.LuceneVersion.LUCENE_48, 1000, ignoreCase: true);
        foreach (var source in new[] { EnglishAnalyzer.DefaultStopSet, FrenchAnalyzer.DefaultStopSet, SpanishAnalyzer.DefaultStopSet })
        {
            foreach (var word in source)
            {
                set.Add(RemoveAccents(word));
            }
        }
        foreach (var word in QuestionWords)
        {
            set.Add(word);
        }
        return set;
    }
}
