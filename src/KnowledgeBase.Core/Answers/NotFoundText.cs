namespace KnowledgeBase.Core.Answers;

/// <summary>What an answer says when the knowledge base does not support one, in the question's language.</summary>
internal static class NotFoundText
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["en"] = "The answer was not found in the knowledge base.",
        ["fr"] = "La réponse n'a pas été trouvée dans la base de connaissances.",
        ["es"] = "La respuesta no se encontró en la base de conocimientos.",
        ["pt"] = "A resposta não foi encontrada na base de conhecimento.",
        ["ru"] = "Ответ не найден в базе знаний.",
        ["ar"] = "لم يتم العثور على الإجابة في قاعدة المعرفة.",
    };

    public static string For(string? language) => Messages.GetValueOrDefault(language ?? "en") ?? Messages["en"];

    /// <summary>True when a model's answer says the knowledge base does not hold the answer, in any known language.</summary>
    public static bool IsNotFound(string answer) =>
        answer.Contains("not found in the knowledge base", StringComparison.OrdinalIgnoreCase)
        || Messages.Values.Any(m => answer.Contains(m.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
}
