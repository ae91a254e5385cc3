using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Compare;

/// <summary>Turns <see cref="CompareRows"/> into rows of documents, or a <see cref="CompareValidationException"/> naming the field.</summary>
internal static class RowSelector
{
    public static IReadOnlyList<CompareRow> Select(CompareRows rows, IndexCatalog catalog)
    {
        if (rows.Documents.Count > 0)
        {
            return rows.Documents.Select(id => DocumentRow(id, catalog)).DistinctBy(r => r.Key).ToList();
        }
        var countries = rows.Countries.Select(code => Countries.ByCode(code)
            ?? throw new CompareValidationException("rows.countries", $"\"{code.ToUpperInvariant()}\" is not an ISO 3166 country code")).DistinctBy(c => c.Code).ToList();
        var regions = rows.Regions.Select(KnownRegion).ToList();
        var types = rows.Types.Select(FilterValues.NormalizeType).ToList();
        if (countries.Count == 0 && regions.Count == 0 && types.Count == 0 && rows.YearFrom is null && rows.YearTo is null)
        {
            throw new CompareValidationException("rows", "give countries, a region, a type, years or documents");
        }
        var documents = catalog.All
            .Where(r => r.Metadata.CountryCode is not null)
            .Where(r => countries.Count == 0 || countries.Any(c => Same(c.Code, r.Metadata.CountryCode)))
            .Where(r => regions.Count == 0 || regions.Any(region => Same(region, r.Metadata.Region)))
            .Where(r => types.Count == 0 || types.Any(type => Same(type, r.Metadata.Type)))
            .Where(r => (rows.YearFrom is null || r.Metadata.Year >= rows.YearFrom) && (rows.YearTo is null || r.Metadata.Year <= rows.YearTo))
            .GroupBy(r => r.Metadata.CountryCode!.ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Metadata.Year).ThenBy(r => r.Title, StringComparer.Ordinal).ToList());
        var order = countries.Count > 0
            ? countries.Select(c => c.Code)
            : documents.Keys.OrderBy(code => Countries.ByCode(code)?.Name ?? code, StringComparer.Ordinal);
        return order.Select(code => CountryRow(code, documents.GetValueOrDefault(code) ?? [])).ToList();
    }

    private static CompareRow CountryRow(string code, List<DocumentRecord> documents)
    {
        var country = Countries.ByCode(code);
        return new CompareRow(code, country?.Name ?? (documents.Count > 0 ? documents[0].Metadata.CountryName : null) ?? code, code,
            country?.Region ?? (documents.Count > 0 ? documents[0].Metadata.Region : null), documents.Select(Describe).ToList());
    }

    private static CompareRow DocumentRow(string id, IndexCatalog catalog)
    {
        var record = catalog.Find(id) ?? throw new CompareValidationException("rows.documents", $"no document \"{id}\" (an id or a prefix of at least {IndexCatalog.MinPrefixLength} characters)");
        var metadata = record.Metadata;
        var label = metadata.CountryName is { } name ? $"{name} {metadata.Year}".TrimEnd() : record.Title;
        return new CompareRow(record.Id, label, metadata.CountryCode, metadata.Region, [Describe(record)]);
    }

    private static CompareDocument Describe(DocumentRecord record) =>
        new(record.Id, record.Title, record.Metadata.Type, record.Metadata.Year, record.Language);

    private static string KnownRegion(string region) =>
        Countries.All.Select(c => c.Region).FirstOrDefault(r => Same(r, region))
        ?? throw new CompareValidationException("rows.region",
            $"\"{region}\" is not an ITU-D region ({string.Join(", ", Countries.All.Select(c => c.Region).Distinct())})");

    private static bool Same(string a, string? b) => string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
