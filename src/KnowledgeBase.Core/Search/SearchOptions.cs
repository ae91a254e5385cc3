namespace KnowledgeBase.Core.Search;

/// <summary>Configuration section "Search": the default mode and how hybrid search fuses its two rankings.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>The mode of a request that names none. Falls back to BM25 when no embedding model is configured.</summary>
    public SearchMode DefaultMode { get; set; } = SearchMode.Bm25;

    public FusionMethod Fusion { get; set; } = FusionMethod.Blend;

    /// <summary>Blend: the dense share of the fused score, 0..1.</summary>
    public float DenseWeight { get; set; } = 0.3f;

    /// <summary>RRF: the rank constant k.</summary>
    public int RrfK { get; set; } = 60;
}
