using KnowledgeBase.Core.Documents.Languages;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Util;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Guesses the language of a short query: by script for Cyrillic, Arabic, Greek and CJK, and for Latin-script
/// queries by which language's function words it uses ("comment le Bénin …" is French). A statistical detector is
/// unreliable on a handful of words; function words are what people cannot avoid typing.
/// </summary>
internal static class QueryLanguageGuess
{
    private static readonly (string Language, CharArraySet Words)[] FunctionWords =
    [
        ("en", EnglishAnalyzer.DefaultStopSet),
        ("fr", FrenchAnalyzer.DefaultStopSet),
        ("es", SpanishAnalyzer.DefaultStopSet),
        ("pt", PortugueseAnalyzer.DefaultStopSet),
    ];

    public static string? Guess(string query)
    {
        var letters = query.Where(char.IsLetter).ToList();
        if (letters.Count == 0)
        {
            return null;
        }
        foreach (var (language, isScript) in ScriptLanguages)
        {
            if (letters.Count(isScript) * 2 > letters.Count)
            {
                return language;
            }
        }
        var words = query.ToLowerInvariant()
            .Split((char[])[' ', '\'', '’', '-', ',', '?', '.', '!', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var counts = FunctionWords
            .Select(f => (f.Language, Count: words.Count(w => f.Words.Contains(w))))
            .OrderByDescending(c => c.Count)
            .ToArray();
        // A clear lead only: "de" alone is French, Spanish and Portuguese at once.
        return counts[0].Count >= 1 && counts[0].Count > counts[1].Count ? counts[0].Language : null;
    }

    private static readonly (string Language, Func<char, bool> IsScript)[] ScriptLanguages =
    [
        ("ru", c => c is >= '\u0400' and <= '\u04FF'),
        ("ar", Scripts.IsArabic),
        ("el", c => c is >= '\u0370' and <= '\u03FF'),
        ("zh", Scripts.IsHan),
    ];
}
