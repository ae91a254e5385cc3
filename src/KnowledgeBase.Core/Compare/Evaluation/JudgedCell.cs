namespace KnowledgeBase.Core.Compare.Evaluation;

/// <summary>A judged cell with what the comparison found: its score and strongest passage (null when none matched).</summary>
public sealed record JudgedCell(CompareJudgment Judgment, double Score, ComparePassage? Best);
