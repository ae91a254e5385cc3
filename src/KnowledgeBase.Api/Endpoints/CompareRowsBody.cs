namespace KnowledgeBase.Api.Endpoints;

/// <summary>The rows of a comparison: countries by ISO code, a region, a document type, years, or documents by id.</summary>
internal sealed record CompareRowsBody
{
    public string[]? Countries { get; init; }

    public string? Region { get; init; }

    public string? Type { get; init; }

    public int? YearFrom { get; init; }

    public int? YearTo { get; init; }

    public string[]? Documents { get; init; }
}
