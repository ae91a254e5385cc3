using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// <see cref="SearchFilters"/> applied to whole documents, for listings: the same fields and rules as the
/// filter clauses of a search (any value within a field, all fields, case-insensitive, status from the edition chain).
/// </summary>
public static class DocumentFilter
{
    public static bool Matches(SearchFilters filters, DocumentRecord record, EditionIndex editions)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(editions);
        var metadata = record.Metadata;
        var status = editions.StatusOf(record.Id);
        if (status == EditionIndex.Superseded && !filters.IncludeSuperseded)
        {
            return false;
        }
        return AnyOf(filters.Types, metadata.Type)
            && AnyOf(filters.Series, metadata.Series)
            && (filters.Identifiers.Count == 0 || record.Identifiers.Append(metadata.Identifier ?? "").Any(i => AnyOf(filters.Identifiers, i)))
            && AnyOf(filters.Statuses, status ?? EditionIndex.InForce)
            && AnyOf(filters.StudyGroups, metadata.StudyGroup)
            && AnyOf(filters.Questions, metadata.Question)
            && AnyOf(filters.Periods, metadata.StudyPeriod)
            && AnyOf(filters.Countries, metadata.CountryCode)
            && AnyOf(filters.Regions, metadata.Region)
            && AnyOf(filters.Languages, record.Language)
            && (filters.YearFrom is null || metadata.Year >= filters.YearFrom)
            && (filters.YearTo is null || metadata.Year <= filters.YearTo);
    }

    private static bool AnyOf(IReadOnlyList<string> wanted, string? value) =>
        wanted.Count == 0 || (value is not null && wanted.Any(w => string.Equals(w.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase)));
}
