namespace KnowledgeBase.Api.Endpoints;

/// <summary>The filter fields shared by search (query string or JSON body) and the document listing.</summary>
internal interface IFilterInput
{
    string[]? Type { get; }

    string[]? Series { get; }

    string[]? Identifier { get; }

    string[]? Status { get; }

    string[]? Sg { get; }

    string[]? Question { get; }

    string[]? Period { get; }

    string[]? Country { get; }

    string[]? Region { get; }

    string[]? Lang { get; }

    /// <summary>"2020", "2018..2024", "2018..", "..2015".</summary>
    string? Year { get; }

    bool? ExcludeSuperseded { get; }
}
