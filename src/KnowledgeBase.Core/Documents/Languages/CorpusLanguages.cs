using Lingua;

namespace KnowledgeBase.Core.Documents.Languages;

/// <summary>
/// The languages the knowledge base tells apart, detects and indexes with their own analyzer, in one list: the
/// detector, the index's per-language fields and the answer prompt all read it, so adding one is one line here
/// (plus its analyzer in Indexing/LanguageFields when Lucene has one).
/// </summary>
internal static class CorpusLanguages
{
    /// <summary>ISO 639-1 code, the detector's language and the English name a prompt uses.</summary>
    public sealed record Entry(string Code, Language Detected, string Name);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("en", Language.English, "English"),
        new("fr", Language.French, "French"),
        new("es", Language.Spanish, "Spanish"),
        new("ru", Language.Russian, "Russian"),
        new("ar", Language.Arabic, "Arabic"),
        new("zh", Language.Chinese, "Chinese"),
        new("el", Language.Greek, "Greek"),
        new("lv", Language.Latvian, "Latvian"),
        new("pt", Language.Portuguese, "Portuguese"),
        new("de", Language.German, "German"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(e => e.Code)];

    /// <summary>"French" for "fr"; null for a code outside the list.</summary>
    public static string? NameOf(string? code) => All.FirstOrDefault(e => e.Code == code)?.Name;
}
