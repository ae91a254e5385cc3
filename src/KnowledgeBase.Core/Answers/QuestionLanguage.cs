using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// The language to answer in: the search's query-language guess, else letters only one of French or Spanish
/// writes ("¿", "ñ"; "ç", "œ", "è"), since "de" and "la" alone leave the two tied; else English.
/// </summary>
internal static class QuestionLanguage
{
    public static string Guess(string question)
    {
        if (QueryLanguageGuess.Guess(question) is { } language)
        {
            return language;
        }
        if (question.IndexOfAny(['¿', '¡', 'ñ', 'Ñ']) >= 0)
        {
            return "es";
        }
        return question.IndexOfAny(['ç', 'œ', 'è', 'ê', 'à', 'ù', 'î']) >= 0 ? "fr" : "en";
    }
}
