namespace KnowledgeBase.Core.Search;

public sealed record SearchResults(string Query, int TotalHits, IReadOnlyList<SearchHit> Hits);
