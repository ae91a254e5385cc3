namespace KnowledgeBase.Core.Search;

/// <summary>How hybrid search merges the keyword and the dense ranking.</summary>
public enum FusionMethod
{
    /// <summary>Each list's scores scaled to 0..1, then weighted: (1 − w)·keyword + w·dense.</summary>
    Blend,

    /// <summary>Reciprocal rank fusion: Σ 1/(k + rank).</summary>
    Rrf,
}
