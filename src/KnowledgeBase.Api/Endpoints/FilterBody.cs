namespace KnowledgeBase.Api.Endpoints;

/// <summary>The filters of POST /api/ask: the same fields, names and values as the filters of POST /api/search.</summary>
internal sealed record FilterBody : IFilterInput
{
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
