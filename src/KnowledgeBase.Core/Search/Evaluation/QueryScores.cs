namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>The metrics of one query's ranking.</summary>
public sealed record QueryScores(double RecallAt1, double RecallAt5, double RecallAt10, double ReciprocalRankAt10, double NdcgAt10);
