namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// POST /api/ask: a question, the filters that bound its sources, the conversation so far (oldest first),
/// how to answer (auto, extractive, generative) and how to retrieve (bm25, dense, hybrid).
/// </summary>
internal sealed record AskBody
{
    public string? Question { get; init; }

    public FilterBody? Filters { get; init; }

    public IReadOnlyList<AskTurn>? History { get; init; }

    public string? Mode { get; init; }

    public string? SearchMode { get; init; }
}

/// <summary>One earlier turn: role "user" or "assistant".</summary>
internal sealed record AskTurn(string? Role, string? Text);
