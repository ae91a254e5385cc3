namespace KnowledgeBase.Core.Compare;

/// <summary>
/// One row × topic: the verdict, the evidence score behind it (see <see cref="CompareThresholds"/>), how many
/// passages matched, and the strongest of them.
/// </summary>
public sealed record CompareCell(
    string RowKey,
    string TopicId,
    CoverageVerdict Verdict,
    double Score,
    int MatchedPassages,
    IReadOnlyList<ComparePassage> Passages);
