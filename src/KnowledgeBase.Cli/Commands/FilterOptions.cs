using System.CommandLine;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>The filter options of `kb search`; each may be repeated or given comma-separated values.</summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> _type = Many("--type", "Document type: itu-t-recommendation (or recommendation), itu-resolution, national-strategy, standard …");
    private readonly Option<string[]> _series = Many("--series", "ITU-T series letter, e.g. X");
    private readonly Option<string[]> _identifier = Many("--identifier", "Identifier, e.g. X.1056");
    private readonly Option<string[]> _status = Many("--status", "in-force or superseded");
    private readonly Option<string[]> _studyGroup = Many("--sg", "Study group number, e.g. 17");
    private readonly Option<string[]> _question = Many("--question", "Question, e.g. 3/2");
    private readonly Option<string[]> _period = Many("--period", "Study period, e.g. 2022-2025");
    private readonly Option<string[]> _country = Many("--country", "ISO 3166 country code, e.g. SN");
    private readonly Option<string[]> _region = Many("--region", "Region, e.g. Africa");
    private readonly Option<string[]> _language = Many("--lang", "Language code: en, fr, es, ru, ar, zh …");
    private readonly Option<string?> _year = new("--year") { Description = "Year or range: 2020, 2018..2024, 2018.., ..2015" };
    private readonly Option<bool> _noSuperseded = new("--exclude-superseded") { Description = "Leave out superseded editions" };

    public IEnumerable<Option> All => [_type, _series, _identifier, _status, _studyGroup, _question, _period, _country, _region, _language, _year, _noSuperseded];

    /// <summary>The filters, or an error naming the option that is wrong.</summary>
    public (SearchFilters? Filters, string? Error) Read(ParseResult parse)
    {
        var (from, to, error) = ParseYears(parse.GetValue(_year));
        if (error is not null)
        {
            return (null, error);
        }
        var statuses = Values(parse, _status);
        var unknownStatus = FilterValues.UnknownStatus(statuses);
        if (unknownStatus is not null)
        {
            return (null, $"--status: \"{unknownStatus}\" is not in-force or superseded");
        }
        return (new SearchFilters
        {
            Types = Values(parse, _type).Select(FilterValues.NormalizeType).ToList(),
            Series = Values(parse, _series),
            Identifiers = Values(parse, _identifier),
            Statuses = statuses,
            StudyGroups = Values(parse, _studyGroup),
            Questions = Values(parse, _question),
            Periods = Values(parse, _period),
            Countries = Values(parse, _country),
            Regions = Values(parse, _region),
            Languages = Values(parse, _language),
            YearFrom = from,
            YearTo = to,
            IncludeSuperseded = !parse.GetValue(_noSuperseded),
        }, null);
    }

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    private static List<string> Values(ParseResult parse, Option<string[]> option) => FilterValues.Split(parse.GetValue(option) ?? []);

    private static (int? From, int? To, string? Error) ParseYears(string? text) =>
        FilterValues.TryParseYears(text, out var from, out var to)
            ? (from, to, null)
            : (null, null, $"--year: \"{text}\" is not a year or a range like 2018..2024 (years {FilterValues.MinYear}–{FilterValues.MaxYear})");
}
