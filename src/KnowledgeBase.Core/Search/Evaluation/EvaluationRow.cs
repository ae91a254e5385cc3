namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>Mean metrics of one retrieval variant over the queries of one kind (or "all"), with search latency percentiles.</summary>
public sealed record EvaluationRow(
    string Variant, string Kind, int Queries, double RecallAt1, double RecallAt5, double RecallAt10, double MrrAt10, double NdcgAt10,
    double LatencyP50Ms, double LatencyP95Ms);
