namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>The closed sets of values some metadata fields take; sidecar files are checked against them.</summary>
public static class MetadataVocabulary
{
    public const string ItuTRecommendation = "itu-t-recommendation";
    public const string ItuDReport = "itu-d-report";
    public const string ItuDContribution = "itu-d-contribution";
    public const string ItuResolution = "itu-resolution";
    public const string NationalStrategy = "national-strategy";
    public const string NationalPolicy = "national-policy";
    public const string NationalLaw = "national-law";
    public const string Standard = "standard";
    public const string Guide = "guide";
    public const string Glossary = "glossary";
    public const string Other = "other";

    public const string InForce = "in-force";
    public const string Superseded = "superseded";

    public static IReadOnlyList<string> Types { get; } =
    [
        ItuTRecommendation, ItuDReport, ItuDContribution, ItuResolution, NationalStrategy, NationalPolicy,
        NationalLaw, Standard, Guide, Glossary, Other,
    ];

    public static IReadOnlyList<string> Statuses { get; } = [InForce, Superseded];

    public static IReadOnlyList<string> ModificationKinds { get; } = ["amendment", "corrigendum", "supplement"];

    public static IReadOnlyList<string> Bodies { get; } = ["WTDC", "WTSA", "PP"];

    /// <summary>The six ITU-D regions.</summary>
    public static IReadOnlyList<string> Regions { get; } = ["Africa", "Americas", "Arab States", "Asia-Pacific", "CIS", "Europe"];
}
