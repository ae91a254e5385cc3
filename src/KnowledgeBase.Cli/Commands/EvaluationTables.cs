using System.Globalization;
using KnowledgeBase.Core.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands;

/// <summary>Evaluation results as Markdown: every metric per variant over all queries, then MRR@10 per query kind.</summary>
internal static class EvaluationTables
{
    public static void Write(IReadOnlyList<EvaluationRow> rows)
    {
        Console.WriteLine("| variant | queries | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows.Where(r => r.Kind == "all"))
        {
            Console.WriteLine($"| {row.Variant} | {row.Queries} | {F(row.RecallAt1)} | {F(row.RecallAt5)} | {F(row.RecallAt10)} | {F(row.MrrAt10)} | {F(row.NdcgAt10)} | {F1(row.LatencyP50Ms)} | {F1(row.LatencyP95Ms)} |");
        }
        var kinds = rows.Where(r => r.Kind != "all").Select(r => r.Kind).Distinct().ToList();
        if (kinds.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"MRR@10 by query kind (queries: {string.Join(", ", kinds.Select(k => $"{k} {rows.First(r => r.Kind == k).Queries}"))})");
        Console.WriteLine();
        Console.WriteLine($"| variant | {string.Join(" | ", kinds)} |");
        Console.WriteLine($"|---|{string.Concat(kinds.Select(_ => "---:|"))}");
        foreach (var variant in rows.Select(r => r.Variant).Distinct())
        {
            var cells = kinds.Select(k => rows.FirstOrDefault(r => r.Variant == variant && r.Kind == k) is { } row ? F(row.MrrAt10) : "");
            Console.WriteLine($"| {variant} | {string.Join(" | ", cells)} |");
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
