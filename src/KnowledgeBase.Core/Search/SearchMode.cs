namespace KnowledgeBase.Core.Search;

/// <summary>How passages are retrieved: keywords (BM25), embeddings (dense), or both fused.</summary>
public enum SearchMode
{
    Bm25,
    Dense,
    Hybrid,
}
