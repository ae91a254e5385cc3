using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Core.Documents.Collection;

/// <summary>
/// What the collection holds, per ITU-D region and country: each document's type, language and year, so a rapporteur
/// sees which countries are covered, since when, and what is missing. Documents of no country (ITU Recommendations,
/// most standards) are listed apart as <see cref="International"/>.
/// </summary>
public sealed record CollectionPicture(
    int DocumentCount, int? FirstYear, int? LastYear, IReadOnlyList<RegionShelf> Regions, IReadOnlyList<CollectionDocument> International)
{
    public static CollectionPicture Of(IEnumerable<DocumentRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.ToList();
        var placed = all
            .Where(r => !string.IsNullOrEmpty(r.Metadata.CountryCode))
            .GroupBy(r => r.Metadata.CountryCode!.ToUpperInvariant())
            .Select(g => (Country: Countries.ByCode(g.Key), Code: g.Key, Records: g.ToList()))
            .Select(c => (
                Region: c.Country?.Region ?? c.Records[0].Metadata.Region ?? "Other",
                Shelf: new CountryShelf(c.Code, c.Country?.Name ?? c.Records[0].Metadata.CountryName ?? c.Code, Ordered(c.Records))))
            .ToList();
        var regions = placed
            .GroupBy(p => p.Region)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionShelf(
                g.Key,
                g.Sum(p => p.Shelf.Documents.Count),
                g.Select(p => p.Shelf).OrderBy(s => s.Name, StringComparer.Ordinal).ToList()))
            .ToList();
        var years = all.Select(r => r.Metadata.Year).OfType<int>().ToList();
        return new CollectionPicture(
            all.Count,
            years.Count == 0 ? null : years.Min(),
            years.Count == 0 ? null : years.Max(),
            regions,
            Ordered(all.Where(r => string.IsNullOrEmpty(r.Metadata.CountryCode))));
    }

    private static List<CollectionDocument> Ordered(IEnumerable<DocumentRecord> records) =>
        records
            .OrderBy(r => r.Metadata.Year ?? int.MaxValue)
            .ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(r => new CollectionDocument(
                r.Id, r.Title, r.Metadata.Identifier, r.Metadata.Type, r.Language, r.Metadata.Year, $"/api/documents/{r.Id}"))
            .ToList();
}
