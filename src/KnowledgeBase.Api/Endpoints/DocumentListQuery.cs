using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// GET /api/documents: a page of documents, by title, with the same filters as search (which extends it).
/// List filters may repeat (type=a&amp;type=b) or use commas.
/// </summary>
internal class DocumentListQuery : IFilterInput
{
    [FromQuery(Name = "top")]
    public int? Top { get; init; }

    [FromQuery(Name = "skip")]
    public int? Skip { get; init; }

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
