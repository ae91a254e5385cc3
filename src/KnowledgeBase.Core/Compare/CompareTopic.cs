namespace KnowledgeBase.Core.Compare;

/// <summary>
/// A column of a comparison: what a rapporteur looks for, with the words it is written in per language
/// (ISO 639-1 code to phrasings; "*" holds phrasings tried in every language, as a free-text topic has).
/// </summary>
public sealed record CompareTopic(string Id, string Title, IReadOnlyDictionary<string, IReadOnlyList<string>> Phrasings)
{
    /// <summary>The framework and section it is drawn from; "custom" for a user's own.</summary>
    public string Source { get; init; } = "custom";

    public string? Definition { get; init; }

    /// <summary>The phrasings to search in one language: its own, else the "*" ones, else the English ones.</summary>
    public IReadOnlyList<string> PhrasingsFor(string language) =>
        Phrasings.GetValueOrDefault(language)
        ?? Phrasings.GetValueOrDefault(AnyLanguage)
        ?? Phrasings.GetValueOrDefault("en")
        ?? [];

    /// <summary>The key of phrasings tried in every language.</summary>
    public const string AnyLanguage = "*";
}
