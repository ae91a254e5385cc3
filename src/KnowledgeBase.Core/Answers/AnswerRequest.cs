using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Core.Answers;

/// <summary>A question, the search filters that bound its sources, and the conversation so far (oldest first).</summary>
public sealed record AnswerRequest(string Question)
{
    public const int MaxQuestionLength = 2000;

    public SearchFilters Filters { get; init; } = SearchFilters.None;

    public IReadOnlyList<ChatTurn> History { get; init; } = [];

    public AnswerMode Mode { get; init; } = AnswerMode.Auto;

    /// <summary>How passages are retrieved; null takes the search service's default.</summary>
    public SearchMode? SearchMode { get; init; }
}
