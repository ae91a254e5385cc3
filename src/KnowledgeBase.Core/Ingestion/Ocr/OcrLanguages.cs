namespace KnowledgeBase.Core.Ingestion.Ocr;

/// <summary>
/// Which Tesseract models read a document: from its language when known (the text of its other pages, a sidecar),
/// else from the script Tesseract's OSD sees on the first scanned page. English is always added second, since ITU
/// and national texts quote English identifiers and terms; a model that is not installed is left out.
/// </summary>
internal static class OcrLanguages
{
    private static readonly Dictionary<string, string> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng", ["fr"] = "fra", ["es"] = "spa", ["ar"] = "ara", ["zh"] = "chi_sim", ["ru"] = "rus",
    };

    private static readonly Dictionary<string, string> ByScript = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Latin"] = "eng", ["Han"] = "chi_sim", ["Arabic"] = "ara", ["Cyrillic"] = "rus",
    };

    /// <summary>"chi_sim+eng" for "zh"; null when the language has no model here.</summary>
    public static string? ForLanguage(string? isoCode, IReadOnlySet<string> installed) =>
        isoCode is not null && ByLanguage.TryGetValue(isoCode, out var model) ? Combine(model, installed) : null;

    /// <summary>The models for an OSD script name; English for an unknown script.</summary>
    public static string ForScript(string? script, IReadOnlySet<string> installed) =>
        script is not null && ByScript.TryGetValue(script, out var model) ? Combine(model, installed) ?? "eng" : "eng";

    private static string? Combine(string model, IReadOnlySet<string> installed)
    {
        if (!installed.Contains(model))
        {
            return null;
        }
        return model == "eng" || !installed.Contains("eng") ? model : $"{model}+eng";
    }
}
