namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Where a cell's evidence score becomes a verdict. The score is the number of the row's passages that contain a
/// phrasing of the topic (each passage counts once, whatever it matched), plus <see cref="HeadingBonus"/> for each
/// whose clause heading contains one. Tuned on tests/eval/compare-judgments.tsv (`kb eval --compare-topics`).
/// </summary>
public static class CompareThresholds
{
    /// <summary>At least this score is "addressed"; see the README "Compare countries" for the dev-set table.</summary>
    public const double Addressed = 3;

    /// <summary>At least this score (below <see cref="Addressed"/>) is "mentioned"; below it, "not-found".</summary>
    public const double Mentioned = 1;

    /// <summary>A clause headed by the topic is about it, not a passing mention.</summary>
    public const double HeadingBonus = 2;

    public static CoverageVerdict Verdict(double score, double addressed = Addressed, double mentioned = Mentioned) =>
        score >= addressed ? CoverageVerdict.Addressed
        : score >= mentioned ? CoverageVerdict.Mentioned
        : CoverageVerdict.NotFound;
}
