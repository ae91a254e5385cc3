namespace KnowledgeBase.Api.Endpoints;

/// <summary>The filters of a JSON body: those of POST /api/ask, and of POST /api/search, whose body extends them.</summary>
internal record FilterBody : IFilterInput
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
