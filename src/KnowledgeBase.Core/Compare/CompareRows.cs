namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Which rows to compare: one row per country of the documents that pass every given filter (within a field any
/// value), or with <see cref="Documents"/> one row per listed document instead.
/// </summary>
public sealed record CompareRows
{
    /// <summary>ISO 3166-1 alpha-2 codes; a country with no documents still gets its row, marked no-documents.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>ITU-D regions: Africa, Americas, Arab States, Asia-Pacific, CIS, Europe.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public IReadOnlyList<string> Types { get; init; } = [];

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    /// <summary>Document ids (or unambiguous prefixes): each its own row.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];
}
