namespace KnowledgeBase.Core.Compare;

/// <summary>The names of the verdicts in JSON, CSV and the CLI: addressed, mentioned, not-found, no-documents.</summary>
public static class CoverageVerdicts
{
    public static string Name(this CoverageVerdict verdict) => verdict switch
    {
        CoverageVerdict.Addressed => "addressed",
        CoverageVerdict.Mentioned => "mentioned",
        CoverageVerdict.NotFound => "not-found",
        _ => "no-documents",
    };
}
