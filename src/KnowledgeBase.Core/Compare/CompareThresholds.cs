namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Where a cell's evidence score becomes a verdict. The score is the number of the row's passages that contain a
/// phrasing of the topic (each passage counts once, whatever it matched), plus <see cref="HeadingBonus"/> for each
/// whose clause heading contains one. Tuned on tests/eval/compare-judgments.tsv (`kb eval --compare-topics`).
/// </summary>
public static class CompareThresholds
{
    /// <summary>
    /// At least this score is "addressed": one passage alone is a mention. On the dev set (184 cells, 23 strategies
    /// in en, fr, es, ru, el, lv × 8 topics) "addressed" at ≥ 2 has precision 0.933, recall 0.912; at ≥ 1 0.881 /
    /// 0.971, at ≥ 3 0.967 / 0.847 (README "Compare countries"). The phrasings were refined on the same set.
    /// </summary>
    public const double Addressed = 2;

    /// <summary>At least this score (below <see cref="Addressed"/>) is "mentioned"; below it, "not-found".</summary>
    public const double Mentioned = 1;

    /// <summary>A clause headed by the topic is about it, not a passing mention.</summary>
    public const double HeadingBonus = 2;

    public static CoverageVerdict Verdict(double score, double addressed = Addressed, double mentioned = Mentioned) =>
        score >= addressed ? CoverageVerdict.Addressed
        : score >= mentioned ? CoverageVerdict.Mentioned
        : CoverageVerdict.NotFound;
}
