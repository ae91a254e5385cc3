namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>One retrieval configuration measured by the harness, e.g. "hybrid blend w=0.3".</summary>
public sealed record EvaluationVariant(string Name, SearchMode Mode, SearchOptions Options, bool ExpandQuery = false, bool GroupByDocument = false)
{
    /// <summary>Every configuration worth comparing: each mode, both fusions at several weights, expansion and grouping.</summary>
    public static IReadOnlyList<EvaluationVariant> Comparison(SearchOptions configured)
    {
        SearchOptions Blend(float weight) => new() { Fusion = FusionMethod.Blend, DenseWeight = weight, RrfK = configured.RrfK };
        return
        [
            new("bm25", SearchMode.Bm25, configured),
            new("dense", SearchMode.Dense, configured),
            new("hybrid rrf k=60", SearchMode.Hybrid, new SearchOptions { Fusion = FusionMethod.Rrf, RrfK = 60 }),
            new("hybrid blend w=0.2", SearchMode.Hybrid, Blend(0.2f)),
            new("hybrid blend w=0.3", SearchMode.Hybrid, Blend(0.3f)),
            new("hybrid blend w=0.4", SearchMode.Hybrid, Blend(0.4f)),
            new("hybrid blend w=0.5", SearchMode.Hybrid, Blend(0.5f)),
            new("hybrid blend w=0.6", SearchMode.Hybrid, Blend(0.6f)),
            new("hybrid blend w=0.7", SearchMode.Hybrid, Blend(0.7f)),
            new("bm25 + expansion", SearchMode.Bm25, configured, ExpandQuery: true),
            new("bm25 by document", SearchMode.Bm25, configured, GroupByDocument: true),
            new("hybrid by document", SearchMode.Hybrid, configured, GroupByDocument: true),
        ];
    }
}
