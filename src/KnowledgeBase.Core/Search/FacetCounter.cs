using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>Counts matching documents per value of each facet field, most frequent first.</summary>
internal static class FacetCounter
{
    public static IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Count(
        IEnumerable<string> documentIds, IReadOnlyDictionary<string, DocumentRecord> records, EditionIndex editions)
    {
        var matched = documentIds.Distinct().Select(id => records.GetValueOrDefault(id)).OfType<DocumentRecord>().ToList();
        var fields = new (string Name, Func<DocumentRecord, string?> Value)[]
        {
            ("type", r => r.Metadata.Type),
            ("series", r => r.Metadata.Series),
            ("status", r => editions.StatusOf(r.Id)),
            ("sg", r => r.Metadata.StudyGroup),
            ("question", r => r.Metadata.Question),
            ("period", r => r.Metadata.StudyPeriod),
            ("country", r => r.Metadata.CountryCode),
            ("region", r => r.Metadata.Region),
            ("lang", r => r.Language),
            ("year", r => r.Metadata.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return fields.ToDictionary(
            f => f.Name,
            f => (IReadOnlyList<FacetCount>)matched
                .Select(f.Value)
                .OfType<string>()
                .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
                .Select(g => new FacetCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Value, StringComparer.Ordinal)
                .ToList());
    }
}
