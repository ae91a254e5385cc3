namespace KnowledgeBase.Core.Search;

/// <summary>A free-text search. Quotes make phrases, + requires and - excludes a term; nothing else is syntax.</summary>
public sealed record SearchRequest(string Query, int Top = 10, int Skip = 0)
{
    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>Null takes the configured default mode.</summary>
    public SearchMode? Mode { get; init; }
}
