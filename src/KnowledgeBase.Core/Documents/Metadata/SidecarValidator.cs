using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Checks every field of a sidecar before it is deserialised, so that an error names the field and what was
/// expected rather than a serializer path. Unknown fields are errors: a misspelt "contry" would otherwise be ignored.
/// </summary>
internal static partial class SidecarValidator
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    private static readonly Dictionary<string, Func<JsonElement, string?>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = e => OneOf(e, MetadataVocabulary.Types),
        ["identifier"] = Text,
        ["series"] = Text,
        ["number"] = Text,
        ["approvalDate"] = e => Text(e) ?? (ApprovalDateFormat().IsMatch(e.GetString()!) && InYearRange(int.Parse(e.GetString()![..4]))
            ? null : $"expected \"YYYY\" or \"YYYY-MM\" with a year between {MinYear} and {MaxYear}"),
        ["year"] = Year,
        ["edition"] = Text,
        ["status"] = e => OneOf(e, MetadataVocabulary.Statuses),
        ["modificationKind"] = e => OneOf(e, MetadataVocabulary.ModificationKinds),
        ["modificationNumber"] = PositiveNumber,
        ["baseIdentifier"] = Text,
        ["studyGroup"] = Text,
        ["question"] = e => Text(e) ?? (QuestionFormat().IsMatch(e.GetString()!) ? null : "expected a Question as \"N/SG\", such as \"3/2\""),
        ["studyPeriod"] = e => Text(e) ?? (StudyPeriodFormat().IsMatch(e.GetString()!) ? null : "expected a period as \"YYYY-YYYY\""),
        ["documentSymbol"] = Text,
        ["body"] = e => OneOf(e, MetadataVocabulary.Bodies),
        ["resolutionNumber"] = PositiveNumber,
        ["revisionPlace"] = Text,
        ["revisionYear"] = Year,
        ["countryCode"] = e => Text(e) ?? (Countries.ByCode(e.GetString()!) is null ? "expected the ISO 3166-1 alpha-2 code of an ITU member state" : null),
        ["countryName"] = Text,
        ["region"] = e => OneOf(e, MetadataVocabulary.Regions),
        ["language"] = e => Text(e) ?? (LanguageFormat().IsMatch(e.GetString()!) ? null : "expected a two-letter ISO 639-1 code such as \"fr\""),
        ["title"] = Text,
        ["summary"] = Text,
        ["keywords"] = e => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(k => k.ValueKind == JsonValueKind.String)
            ? null : "expected a list of strings",
    };

    public static DocumentMetadata Read(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SidecarMetadataException(file, null, "expected a JSON object with metadata fields");
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.TryGetValue(property.Name, out var check))
            {
                throw new SidecarMetadataException(file, property.Name, $"unknown field; known fields are {string.Join(", ", Fields.Keys)}");
            }
            if (property.Value.ValueKind != JsonValueKind.Null && check(property.Value) is { } problem)
            {
                throw new SidecarMetadataException(file, property.Name, problem);
            }
        }
        var metadata = root.Deserialize<DocumentMetadata>(SidecarMetadata.JsonOptions)!;
        return metadata with { CountryCode = metadata.CountryCode?.ToUpperInvariant() };
    }

    private static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? null : "expected a string";

    private static string? OneOf(JsonElement e, IReadOnlyList<string> allowed) =>
        Text(e) ?? (allowed.Contains(e.GetString()!) ? null : $"expected one of {string.Join(", ", allowed)}");

    private static string? Year(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var year) && InYearRange(year)
            ? null : $"expected a number between {MinYear} and {MaxYear}";

    private static string? PositiveNumber(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) && n > 0 ? null : "expected a positive whole number";

    private static bool InYearRange(int year) => year is >= MinYear and <= MaxYear;

    [GeneratedRegex(@"^\d{4}(?:-(?:0[1-9]|1[0-2]))?$")]
    private static partial Regex ApprovalDateFormat();

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}$")]
    private static partial Regex QuestionFormat();

    [GeneratedRegex(@"^\d{4}-\d{4}$")]
    private static partial Regex StudyPeriodFormat();

    [GeneratedRegex(@"^[a-z]{2}$")]
    private static partial Regex LanguageFormat();
}
