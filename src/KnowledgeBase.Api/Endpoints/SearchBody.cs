namespace KnowledgeBase.Api.Endpoints;

/// <summary>POST /api/search: the same fields as the query string, as JSON (camelCase).</summary>
internal sealed record SearchBody : FilterBody
{
    public string? Q { get; init; }

    public int? Top { get; init; }

    public int? Skip { get; init; }

    public string? Mode { get; init; }

    public string? GroupBy { get; init; }

    public bool? Facets { get; init; }
}
