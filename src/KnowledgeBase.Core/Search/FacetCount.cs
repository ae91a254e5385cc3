namespace KnowledgeBase.Core.Search;

/// <summary>How many matching documents have a value in a facet field.</summary>
public sealed record FacetCount(string Value, int Count);
