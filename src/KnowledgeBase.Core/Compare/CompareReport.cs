namespace KnowledgeBase.Core.Compare;

/// <summary>
/// A comparison as the API's JSON and `kb compare --format json` write it (camelCase): rows, topics, then one cell
/// per row and topic, row-major, naming both by key and id. The verdict is addressed, mentioned, not-found or
/// no-documents; the thresholds that turned scores into verdicts come along.
/// </summary>
public sealed record CompareReport(
    IReadOnlyList<CompareRow> Rows,
    IReadOnlyList<CompareReport.Topic> Topics,
    IReadOnlyList<CompareReport.Cell> Cells,
    CompareReport.Thresholds VerdictThresholds)
{
    public static CompareReport From(CompareResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CompareReport(
            result.Rows,
            result.Topics.Select(t => new Topic(t.Id, t.Title, t.Source, t.Definition)).ToList(),
            result.Cells.Select(c => new Cell(c.RowKey, c.TopicId, c.Verdict.Name(), Math.Round(c.Score, 2), c.MatchedPassages,
                c.Passages.Select(Passage.From).ToList())).ToList(),
            new Thresholds(CompareThresholds.Addressed, CompareThresholds.Mentioned, CompareThresholds.HeadingBonus));
    }

    public sealed record Topic(string Id, string Title, string Source, string? Definition);

    public sealed record Cell(string Row, string Topic, string Verdict, double Score, int MatchedPassages, IReadOnlyList<Passage> Passages);

    /// <summary>A passage; Link opens the original at its first page, Document is the document's metadata.</summary>
    public sealed record Passage(
        string DocumentId, string Title, string? Clause, string HeadingPath, int PageStart, int PageEnd, string Snippet,
        double Score, int? Year, string? Language, string Link, string Document)
    {
        public static Passage From(ComparePassage p) => new(p.DocumentId, p.Title, p.Clause, p.HeadingPath, p.PageStart, p.PageEnd,
            p.Snippet, Math.Round(p.Score, 4), p.Year, p.Language, p.Link, $"/api/documents/{p.DocumentId}");
    }

    /// <summary>Score at or above Addressed is addressed; at or above Mentioned, mentioned; a heading match adds HeadingBonus.</summary>
    public sealed record Thresholds(double Addressed, double Mentioned, double HeadingBonus);
}
