namespace KnowledgeBase.Core.Compare;

/// <summary>A comparison: its rows, its topics and one cell per row and topic (row-major).</summary>
public sealed record CompareResult(IReadOnlyList<CompareRow> Rows, IReadOnlyList<CompareTopic> Topics, IReadOnlyList<CompareCell> Cells)
{
    public CompareCell Cell(string rowKey, string topicId) =>
        Cells.First(c => c.RowKey == rowKey && c.TopicId == topicId);
}
