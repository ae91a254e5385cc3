using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Compare.Evaluation;

/// <summary>
/// Runs the judged cells as one comparison (each judged file a row, each judged topic a column) and measures the
/// "addressed" verdict at a range of thresholds: the threshold in <see cref="CompareThresholds"/> is chosen from it.
/// </summary>
public static class CompareEvaluator
{
    /// <summary>The "addressed" thresholds tried; scores are whole numbers (passages, heading matches count double more).</summary>
    public static readonly double[] Thresholds = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20];

    public static IReadOnlyList<JudgedCell> Run(KeywordIndex index, IReadOnlyList<CompareJudgment> judgments)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(judgments);
        var byFile = index.ListDocuments()
            .GroupBy(r => Path.GetFileName(r.Source), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var missing = judgments.Select(j => j.File).Distinct().Where(f => !byFile.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"not in the index: {string.Join(", ", missing)} (ingest ../shared/corpus/text)");
        }
        var topics = BuiltinTopics.Resolve(judgments.Select(j => j.Topic).Distinct());
        var result = new CompareService(index).Compare(new CompareRequest(
            new CompareRows { Documents = judgments.Select(j => byFile[j.File]).Distinct().ToList() }, topics, 1));
        return judgments.Select(j =>
        {
            var cell = result.Cell(byFile[j.File], j.Topic);
            return new JudgedCell(j, cell.Score, cell.Passages.Count > 0 ? cell.Passages[0] : null);
        }).ToList();
    }

    /// <summary>Precision, recall and F1 of "addressed" at a threshold, with the counts behind them.</summary>
    public static (double Precision, double Recall, double F1, int Predicted, int Correct, int Relevant) Measure(IReadOnlyList<JudgedCell> cells, double threshold)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var predicted = cells.Count(c => c.Score >= threshold);
        var correct = cells.Count(c => c.Score >= threshold && c.Judgment.Addressed);
        var relevant = cells.Count(c => c.Judgment.Addressed);
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = relevant == 0 ? 0 : (double)correct / relevant;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1, predicted, correct, relevant);
    }
}
