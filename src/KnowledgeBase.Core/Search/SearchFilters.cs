namespace KnowledgeBase.Core.Search;

/// <summary>
/// Restrictions combined with the text query: within a field any listed value matches, across fields all must.
/// Values are compared case-insensitively. Superseded editions are ranked lower, or left out with
/// <see cref="IncludeSuperseded"/> false or a status filter of "in-force".
/// </summary>
public sealed record SearchFilters
{
    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Series { get; init; } = [];

    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>"in-force" (current edition or stated in force), "superseded".</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    public IReadOnlyList<string> StudyGroups { get; init; } = [];

    public IReadOnlyList<string> Questions { get; init; } = [];

    public IReadOnlyList<string> Periods { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>ISO 639-1 codes; the query is then analysed for these languages only.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public bool IncludeSuperseded { get; init; } = true;

    public static SearchFilters None { get; } = new();
}
