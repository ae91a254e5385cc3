namespace KnowledgeBase.Api.Endpoints;

/// <summary>POST /api/search: the same fields as the query string, as JSON (camelCase).</summary>
internal sealed record SearchBody : IFilterInput
{
    public string? Q { get; init; }

    public int? Top { get; init; }

    public int? Skip { get; init; }

    public string? Mode { get; init; }

    public string? GroupBy { get; init; }

    public string[]? Type { get; init; }

    public string[]? Series { get; init; }

    public string[]? Identifier { get; init; }

    public string[]? Status { get; init; }

    public string[]? Sg { get; init; }

    public string[]? Question { get; init; }

    public string[]? Period { get; init; }

    public string[]? Country { get; init; }

    public string[]? Region { get; init; }

    public string[]? Lang { get; init; }

    public string? Year { get; init; }

    public bool? ExcludeSuperseded { get; init; }
}
