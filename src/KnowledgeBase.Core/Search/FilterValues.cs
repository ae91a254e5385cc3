using System.Globalization;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// How filter values are written by people, shared by every host: comma-separated lists, "recommendation" as a
/// short type name, years as "2020", "2018..2024", "2018.." or "..2015". Hosts add the name of their option or
/// field to the error text.
/// </summary>
public static class FilterValues
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>Splits repeated and comma-separated values, trimmed and lower-cased.</summary>
    public static List<string> Split(IEnumerable<string?> values) =>
        values
            .OfType<string>()
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant())
            .ToList();

    /// <summary>"recommendation" is what people call an ITU-T Recommendation; the index says "itu-t-recommendation".</summary>
    public static string NormalizeType(string type) => type == "recommendation" ? "itu-t-recommendation" : type;

    /// <summary>The first value that is not a known status, or null when all are.</summary>
    public static string? UnknownStatus(IEnumerable<string> statuses) =>
        statuses.FirstOrDefault(s => s is not (EditionIndex.InForce or EditionIndex.Superseded));

    /// <summary>
    /// Parses a year or range; an empty text is no restriction. False for anything else, including a range whose
    /// start is after its end or a year outside <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </summary>
    public static bool TryParseYears(string? text, out int? from, out int? to)
    {
        from = to = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parts = text.Split("..");
        if (parts.Length > 2 || parts.All(string.IsNullOrWhiteSpace))
        {
            return false;
        }
        static int? Parse(string part) =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear ? year : null;
        var first = parts[0].Trim();
        var last = parts.Length == 1 ? first : parts[1].Trim();
        var start = first.Length == 0 ? null : Parse(first);
        var end = last.Length == 0 ? null : Parse(last);
        if ((first.Length > 0 && start is null) || (last.Length > 0 && end is null) || start > end)
        {
            return false;
        }
        (from, to) = (start, end);
        return true;
    }
}
