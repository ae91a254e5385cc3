namespace KnowledgeBase.Core.Search;

/// <summary>Configuration section "Search": the default mode and how hybrid search fuses its two rankings.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// The mode of a request that names none: hybrid, which with the built-in model measured better than BM25 on the
    /// dev set overall, on paraphrased questions and on ITU-T questions (see <see cref="RankingConstants.DenseWeight"/>).
    /// Falls back to BM25 when no embedding model is configured or the index has no vectors.
    /// </summary>
    public SearchMode DefaultMode { get; set; } = SearchMode.Hybrid;

    public FusionMethod Fusion { get; set; } = FusionMethod.Blend;

    /// <summary>Blend: the dense share of the fused score, 0..1.</summary>
    public float DenseWeight { get; set; } = RankingConstants.DenseWeight;

    /// <summary>RRF: the rank constant k.</summary>
    public int RrfK { get; set; } = RankingConstants.RrfK;
}
