using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Makes a follow-up searchable without a model: when the new question is short or points back ("what about
/// its annex?"), the identifiers and content words of the previous user turn are carried over.
/// </summary>
internal static class FollowUpHeuristic
{
    private const int ShortQuestionTerms = 4;
    private const int CarriedTerms = 6;

    private static readonly HashSet<string> PointingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "this", "that", "these", "those", "they", "them", "their", "there", "same", "above", "former", "latter",
        "il", "elle", "ils", "elles", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "celui", "celle",
        "él", "ella", "ellos", "su", "sus", "este", "esta", "estos", "estas", "ese", "esa", "eso",
    };

    public static string Rewrite(string question, IReadOnlyList<ChatTurn> history)
    {
        var previous = history.LastOrDefault(t => string.Equals(t.Role, "user", StringComparison.OrdinalIgnoreCase))?.Text;
        if (string.IsNullOrWhiteSpace(previous))
        {
            return question;
        }
        var words = Terms.Words(question).ToList();
        var pointsBack = words.Any(PointingWords.Contains);
        if (!pointsBack && Terms.Of(question).Count > ShortQuestionTerms)
        {
            return question;
        }
        var known = Terms.Words(question).ToHashSet();
        var identifiers = IdentifierExtractor.Extract(previous).Where(i => !question.Contains(i, StringComparison.OrdinalIgnoreCase));
        var carried = Terms.Words(previous)
            .Where(w => !Terms.IsStopWord(w) && !PointingWords.Contains(w) && w.Length > 2 && !known.Contains(w))
            .Distinct()
            .Take(CarriedTerms);
        return string.Join(' ', [question, .. identifiers, .. carried]);
    }
}
