namespace KnowledgeBase.Core.Search;

/// <summary>A free-text search. Quotes make phrases, + requires and - excludes a term; nothing else is syntax.</summary>
public sealed record SearchRequest(string Query, int Top = 10, int Skip = 0)
{
    /// <summary>The longest query the service accepts, as for a question to answer; keywords read the first 1,000 characters.</summary>
    public const int MaxQueryLength = 2000;

    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>Null takes the configured default mode.</summary>
    public SearchMode? Mode { get; init; }

    /// <summary>Only the best passage of each document: for "which text covers this?" questions.</summary>
    public bool GroupByDocument { get; init; }

    /// <summary>
    /// Also count the facet values of the best passages' documents (<see cref="SearchResults.Facets"/>): the page and
    /// `kb search` show them; batch searches and answers do not, and do not pay for them.
    /// </summary>
    public bool IncludeFacets { get; init; }

    /// <summary>Adds terms from the best keyword passages to the query (pseudo-relevance feedback, RM3-style).</summary>
    public bool ExpandQuery { get; init; }
}
