namespace KnowledgeBase.Core.Search;

/// <summary>
/// Every tuned number of search ranking in one place, each with the measurement that chose it. "Dev set" is
/// `kb eval --queries tests/eval/dev-queries.jsonl --qrels tests/eval/dev-qrels.tsv --compare` over an index of
/// ../shared/corpus/{pdf,text} and ../shared/seed; a number without a run says so, so it is the first to re-measure.
/// </summary>
internal static class RankingConstants
{
    /// <summary>
    /// Hybrid blend: the dense share of the fused score. With snowflake-arctic-embed-xs (256 tokens), dev set of 202
    /// queries, MRR@10: bm25 0.697, blend w=0.3 0.727, w=0.5 0.765, rrf 0.744 (README "Embedding models").
    /// </summary>
    public const float DenseWeight = 0.5f;

    /// <summary>RRF's rank constant, the value of Cormack et al. (2009); RRF measured below the blend (see above).</summary>
    public const int RrfK = 60;

    /// <summary>
    /// Candidates per list before fusion, and the window facets count in. A shorter dense list (200 instead of
    /// 1000) measured worse with USE-lite: dev set MRR@10 0.617 instead of 0.628.
    /// </summary>
    public const int CandidateDepth = 1000;

    /// <summary>
    /// Candidates of a BM25 search without facets, before editions, diversification or grouping pick the page; the
    /// page is ranked again from <see cref="CandidateDepth"/> when these could have missed one of its passages
    /// (ShallowPage), so pages are the same as from 1,000: dev set `kb search --batch … --json` (bm25, bm25 by
    /// document, hybrid) byte-identical, `kb eval --compare` unchanged. Plain 100 without the check lost R@10
    /// 0.753 → 0.751. With term-at-a-time top-k, 100 instead of 1,000 candidates: top-k thread CPU p50 0.90 → 0.67 ms
    /// (`KnowledgeBase.Benchmarks topk --depth 1000` and `--depth 100`, 506 queries, load 2), and ranking the page
    /// 0.17 → 0.03 ms (`search-profile`'s catalog stage, hybrid against bm25).
    /// </summary>
    public const int KeywordOnlyDepth = 100;

    /// <summary>At most this many passages of one document before others get their turn: dev set R@10 0.63 to 0.68 (commit 54c1171).</summary>
    public const int PassagesPerDocument = 3;

    /// <summary>A superseded edition's passages score half, so the edition in force comes first. Not measured on the dev set.</summary>
    public const float SupersededWeight = 0.5f;

    /// <summary>BM25 field weights of a passage's document title and clause heading against its body (1). Not measured on the dev set.</summary>
    public const float TitleWeight = 2.0f;

    /// <inheritdoc cref="TitleWeight"/>
    public const float HeadingWeight = 1.5f;

    /// <summary>
    /// Boost of passages of the document whose own identifier the query names ("X.1056"), and of passages that
    /// cite it. Chosen so an identifier query finds its document first (dev set, kind "identifier"); not swept.
    /// </summary>
    public const float OwnIdentifierBoost = 25f;

    /// <inheritdoc cref="OwnIdentifierBoost"/>
    public const float MentionBoost = 2f;

    /// <summary>
    /// Weight of the fields of languages other than the query's (a French question may be answered by an English
    /// text): introduced with the 140-query dev set (commit 2e80d9b); not swept.
    /// </summary>
    public const float OtherLanguageWeight = 0.3f;

    /// <summary>
    /// Query expansion (RM3-style, off by default): feedback passages, added terms and their weight. Measured below
    /// plain BM25 on the dev set (MRR@10 0.673 against 0.697), hence off; the three numbers themselves were not swept.
    /// </summary>
    public const int FeedbackPassages = 10;

    /// <inheritdoc cref="FeedbackPassages"/>
    public const int ExpansionTerms = 10;

    /// <inheritdoc cref="FeedbackPassages"/>
    public const float ExpansionWeight = 0.3f;
}
