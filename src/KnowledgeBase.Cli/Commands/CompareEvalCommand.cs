using System.Globalization;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Compare.Evaluation;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// `kb eval --compare-topics tests/eval/compare-judgments.tsv`: precision and recall of the "addressed" verdict at
/// each threshold (Markdown), per topic at the built-in threshold, and the judged cells each verdict got wrong.
/// With --evidence FILE (file, topic, yes|no), also how often the cited passage of an "addressed" cell is about the topic.
/// </summary>
internal static class CompareEvalCommand
{
    public static int Run(string indexPath, FileInfo judgmentFile, FileInfo? evidenceFile, bool listEvidence)
    {
        if (!judgmentFile.Exists)
        {
            return CliErrors.Fail($"{judgmentFile.FullName}: no such file");
        }
        IReadOnlyList<JudgedCell> cells;
        using (var index = KeywordIndex.OpenForReading(indexPath))
        {
            try
            {
                cells = CompareEvaluator.Run(index, CompareJudgment.Load(judgmentFile.FullName));
            }
            catch (FormatException ex)
            {
                return CliErrors.Fail(ex.Message);
            }
        }
        var files = cells.Select(c => c.Judgment.File).Distinct().Count();
        var topics = cells.Select(c => c.Judgment.Topic).Distinct().Count();
        Console.WriteLine($"{cells.Count} judged cells ({files} documents × {topics} topics), {cells.Count(c => c.Judgment.Addressed)} judged addressed.\n");
        Console.WriteLine("| addressed at score ≥ | precision | recall | F1 | predicted | correct |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var threshold in CompareEvaluator.Thresholds)
        {
            var m = CompareEvaluator.Measure(cells, threshold);
            var mark = threshold == CompareThresholds.Addressed ? " (built-in)" : "";
            Console.WriteLine($"| {F(threshold)}{mark} | {m.Precision:0.000} | {m.Recall:0.000} | {m.F1:0.000} | {m.Predicted} | {m.Correct} |");
        }
        var notFound = cells.Where(c => c.Score < CompareThresholds.Mentioned).ToList();
        Console.WriteLine($"\n\"not-found\" (no passage matched): {notFound.Count} cells, {notFound.Count(c => !c.Judgment.Addressed)} of them judged not addressed; " +
            $"{cells.Count(c => !c.Judgment.Addressed)} cells judged not addressed in all.");
        Console.WriteLine($"\nPer topic at the built-in threshold ({F(CompareThresholds.Addressed)}):\n");
        Console.WriteLine("| topic | precision | recall | judged addressed |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var group in cells.GroupBy(c => c.Judgment.Topic))
        {
            var m = CompareEvaluator.Measure(group.ToList(), CompareThresholds.Addressed);
            Console.WriteLine($"| {group.Key} | {m.Precision:0.000} | {m.Recall:0.000} | {m.Relevant} |");
        }
        Console.WriteLine("\nDisagreements at the built-in threshold (score, judged, evidence):");
        foreach (var cell in cells.Where(c => c.Score >= CompareThresholds.Addressed != c.Judgment.Addressed))
        {
            Console.WriteLine($"  {cell.Judgment.File} {cell.Judgment.Topic}: score {F(cell.Score)}, judged {(cell.Judgment.Addressed ? "addressed" : "not")} ({cell.Judgment.Evidence})");
        }
        if (listEvidence)
        {
            ListEvidence(cells);
        }
        if (evidenceFile is not null)
        {
            return EvidenceRate(cells, evidenceFile);
        }
        return 0;
    }

    /// <summary>The cited passage of every cell the comparison calls addressed, to judge by reading.</summary>
    private static void ListEvidence(IReadOnlyList<JudgedCell> cells)
    {
        Console.WriteLine("\nCited passage of each cell called addressed:");
        foreach (var cell in cells.Where(c => c.Score >= CompareThresholds.Addressed && c.Best is not null))
        {
            Console.WriteLine($"{cell.Judgment.File}\t{cell.Judgment.Topic}\tp.{cell.Best!.PageStart} {cell.Best.Clause}\t{CompareCsv.PlainText(cell.Best.Snippet)}");
        }
    }

    private static int EvidenceRate(IReadOnlyList<JudgedCell> cells, FileInfo evidenceFile)
    {
        if (!evidenceFile.Exists)
        {
            return CliErrors.Fail($"{evidenceFile.FullName}: no such file");
        }
        var about = File.ReadLines(evidenceFile.FullName)
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("file\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3)
            .ToDictionary(f => (f[0], f[1]), f => f[2] == "yes");
        var cited = cells.Where(c => c.Score >= CompareThresholds.Addressed && about.ContainsKey((c.Judgment.File, c.Judgment.Topic))).ToList();
        var onTopic = cited.Count(c => about[(c.Judgment.File, c.Judgment.Topic)]);
        Console.WriteLine($"\nCited evidence about the topic: {onTopic} of {cited.Count} judged \"addressed\" cells" +
            (cited.Count == 0 ? "" : $" ({(double)onTopic / cited.Count:0.0%})"));
        return 0;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
