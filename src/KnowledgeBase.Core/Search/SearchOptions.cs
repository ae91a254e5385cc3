namespace KnowledgeBase.Core.Search;

/// <summary>Configuration section "Search": the default mode and how hybrid search fuses its two rankings.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// The mode of a request that names none: hybrid, which measured at least as good as BM25 on the dev set and
    /// better on paraphrased questions. Falls back to BM25 when no embedding model is configured or the index has no vectors.
    /// </summary>
    public SearchMode DefaultMode { get; set; } = SearchMode.Hybrid;

    public FusionMethod Fusion { get; set; } = FusionMethod.Blend;

    /// <summary>Blend: the dense share of the fused score, 0..1.</summary>
    public float DenseWeight { get; set; } = 0.3f;

    /// <summary>RRF: the rank constant k.</summary>
    public int RrfK { get; set; } = 60;
}
