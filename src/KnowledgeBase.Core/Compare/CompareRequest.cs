namespace KnowledgeBase.Core.Compare;

/// <summary>Rows × topics; each cell keeps its <see cref="MaxPassages"/> strongest passages.</summary>
public sealed record CompareRequest(CompareRows Rows, IReadOnlyList<CompareTopic> Topics, int MaxPassages = CompareRequest.DefaultPassages)
{
    public const int DefaultPassages = 3;
    public const int MaxPassagesLimit = 20;
    public const int MaxTopics = 50;
}
