using System.Text.Json;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>Turns a compare body into Core's request; a bad value is a 400 naming its field (rows.countries, topics[1].title …).</summary>
internal static class CompareBinding
{
    public static CompareRequest Request(CompareBody body)
    {
        var rows = body.Rows ?? throw ApiProblemException.Invalid("rows", "give countries, a region, a type, years or documents");
        if (rows.YearFrom is { } from && (from < FilterValues.MinYear || from > FilterValues.MaxYear))
        {
            throw ApiProblemException.Invalid("rows.yearFrom", $"must be a year between {FilterValues.MinYear} and {FilterValues.MaxYear}");
        }
        if (rows.YearTo is { } to && (to < FilterValues.MinYear || to > FilterValues.MaxYear || to < rows.YearFrom))
        {
            throw ApiProblemException.Invalid("rows.yearTo", $"must be a year between {FilterValues.MinYear} and {FilterValues.MaxYear}, not before yearFrom");
        }
        if (body.Topics is not { Length: > 0 } topics)
        {
            throw ApiProblemException.Invalid("topics", "give topic ids (see GET /api/compare/topics) or {title, phrasings} objects");
        }
        return new CompareRequest(
            new CompareRows
            {
                Countries = FilterValues.Split(rows.Countries ?? []),
                Regions = rows.Region is null ? [] : FilterValues.Split([rows.Region]),
                Types = rows.Type is null ? [] : FilterValues.Split([rows.Type]),
                YearFrom = rows.YearFrom,
                YearTo = rows.YearTo,
                Documents = FilterValues.Split(rows.Documents ?? []),
            },
            topics.Select(Topic).ToList(),
            body.MaxPassages ?? CompareRequest.DefaultPassages);
    }

    private static CompareTopic Topic(JsonElement topic, int index) => topic.ValueKind switch
    {
        JsonValueKind.String => BuiltinTopics.Resolve([topic.GetString() ?? ""], field: $"topics[{index}]")[0],
        JsonValueKind.Object => TopicFile.Topic(topic, null, $"topics[{index}]", idRequired: false),
        _ => throw ApiProblemException.Invalid($"topics[{index}]", "must be a topic id or an object {title, phrasings}"),
    };
}
