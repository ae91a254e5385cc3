using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>GET /api/search: the query string. List filters may repeat (type=a&amp;type=b) or use commas.</summary>
internal sealed class SearchQuery : IFilterInput
{
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "top")]
    public int? Top { get; init; }

    [FromQuery(Name = "skip")]
    public int? Skip { get; init; }

    /// <summary>bm25, dense or hybrid; absent takes the configured default.</summary>
    [FromQuery(Name = "mode")]
    public string? Mode { get; init; }

    [FromQuery(Name = "type")]
    public string[]? Type { get; init; }

    [FromQuery(Name = "series")]
    public string[]? Series { get; init; }

    [FromQuery(Name = "identifier")]
    public string[]? Identifier { get; init; }

    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }

    [FromQuery(Name = "sg")]
    public string[]? Sg { get; init; }

    [FromQuery(Name = "question")]
    public string[]? Question { get; init; }

    [FromQuery(Name = "period")]
    public string[]? Period { get; init; }

    [FromQuery(Name = "country")]
    public string[]? Country { get; init; }

    [FromQuery(Name = "region")]
    public string[]? Region { get; init; }

    [FromQuery(Name = "lang")]
    public string[]? Lang { get; init; }

    [FromQuery(Name = "year")]
    public string? Year { get; init; }

    [FromQuery(Name = "excludeSuperseded")]
    public bool? ExcludeSuperseded { get; init; }
}
