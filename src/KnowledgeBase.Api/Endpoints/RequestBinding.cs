using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>Turns query-string or body fields into Core's requests; a bad value is a 400 naming its field.</summary>
internal static class RequestBinding
{
    public const int MaxTop = 100;
    public const int MaxSkip = 1000;

    public static SearchRequest Search(string? q, int? top, int? skip, string? mode, string? groupBy, bool facets, IFilterInput filters)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            throw ApiProblemException.Invalid("q", "give something to search for");
        }
        if (q.Length > SearchRequest.MaxQueryLength)
        {
            throw ApiProblemException.Invalid("q", $"must be at most {SearchRequest.MaxQueryLength} characters");
        }
        if (groupBy is not (null or "" or "document" or "passage"))
        {
            throw ApiProblemException.Invalid("groupBy", $"\"{groupBy}\" is not document or passage");
        }
        return new SearchRequest(q.Trim(), Page("top", top, 10, MaxTop), Offset(skip, MaxSkip))
        {
            Filters = Filters(filters),
            Mode = Mode(mode),
            GroupByDocument = groupBy == "document",
            // Only when asked (the page shows them beside each filter value): counting them means ranking the best
            // 1,000 passages instead of the few a page needs.
            IncludeFacets = facets,
        };
    }

    /// <summary>
    /// A JSON body of <c>null</c> (or none) is the client's mistake: a 400 naming the body, not the framework's
    /// message about a required parameter. (Bodies are declared nullable so that it reaches this check.)
    /// </summary>
    public static T Body<T>(T? body) where T : class =>
        body ?? throw ApiProblemException.Invalid("body", "give a JSON object");

    public static SearchFilters Filters(IFilterInput input)
    {
        if (!FilterValues.TryParseYears(input.Year, out var from, out var to))
        {
            throw ApiProblemException.Invalid("year", $"\"{input.Year}\" is not a year or a range like 2018..2024 (years {FilterValues.MinYear}–{FilterValues.MaxYear})");
        }
        var statuses = FilterValues.Split(input.Status ?? []);
        if (FilterValues.UnknownStatus(statuses) is { } unknown)
        {
            throw ApiProblemException.Invalid("status", $"\"{unknown}\" is not in-force or superseded");
        }
        return new SearchFilters
        {
            Types = FilterValues.Split(input.Type ?? []).Select(FilterValues.NormalizeType).ToList(),
            Series = FilterValues.Split(input.Series ?? []),
            Identifiers = FilterValues.Split(input.Identifier ?? []),
            Statuses = statuses,
            StudyGroups = FilterValues.Split(input.Sg ?? []),
            Questions = FilterValues.Split(input.Question ?? []),
            Periods = FilterValues.Split(input.Period ?? []),
            Countries = FilterValues.Split(input.Country ?? []),
            Regions = FilterValues.Split(input.Region ?? []),
            Languages = FilterValues.Split(input.Lang ?? []),
            YearFrom = from,
            YearTo = to,
            IncludeSuperseded = input.ExcludeSuperseded != true,
        };
    }

    public static int Page(string field, int? value, int fallback, int max) =>
        value switch
        {
            null => fallback,
            < 1 => throw ApiProblemException.Invalid(field, $"must be between 1 and {max}"),
            _ when value > max => throw ApiProblemException.Invalid(field, $"must be between 1 and {max}"),
            _ => value.Value,
        };

    public static int Offset(int? skip, int max) =>
        skip is < 0 || skip > max ? throw ApiProblemException.Invalid("skip", $"must be between 0 and {max}") : skip ?? 0;

    public static SearchMode? Mode(string? mode, string field = "mode") =>
        string.IsNullOrWhiteSpace(mode) ? null
        : Enum.TryParse<SearchMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(mode, out _) ? parsed
        : throw ApiProblemException.Invalid(field, $"\"{mode}\" is not one of bm25, dense, hybrid");
}
