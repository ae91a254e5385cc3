using System.Globalization;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Answers.Evaluation;
using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb eval --answers FILE [--out R.json]`: extractive answer quality per topic as a Markdown table, optionally JSON.</summary>
internal static class AnswerEvalCommand
{
    public static async Task<int> RunAsync(string indexPath, IServiceProvider services, FileInfo questionFile, FileInfo? jsonFile, CancellationToken cancellationToken)
    {
        if (!questionFile.Exists)
        {
            return CliErrors.Fail($"{questionFile.FullName}: no such file");
        }
        IReadOnlyList<AnswerQuestion> questions;
        try
        {
            questions = AnswerEvaluator.Load(questionFile.FullName);
        }
        catch (FormatException ex)
        {
            return CliErrors.Fail(ex.Message);
        }
        using var index = KeywordIndex.OpenForReading(indexPath);
        // Extractive whatever chat model is configured, but with the configured sentence scoring, so it can be measured.
        var configured = services.GetRequiredService<AnswerOptions>();
        var options = new AnswerOptions { MaxPassages = configured.MaxPassages, SentenceSimilarity = configured.SentenceSimilarity, FocusMargin = configured.FocusMargin };
        var service = AskCommand.CreateService(index, services, options);
        var scores = await AnswerEvaluator.RunAsync(service, questions, AnswerMode.Extractive, cancellationToken);
        WriteMarkdown(scores);
        if (jsonFile is not null)
        {
            await File.WriteAllTextAsync(jsonFile.FullName, System.Text.Json.JsonSerializer.Serialize(new { mode = "extractive", scores }, JsonOutput.Indented), cancellationToken);
        }
        return 0;
    }

    private static void WriteMarkdown(IReadOnlyList<AnswerScore> scores)
    {
        static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
        Console.WriteLine("| topic | questions | answered | citations/answer | citation precision | fact recall (text) | fact recall (cited passages) | expected doc cited | first citation from expected doc | not-found correct | p50 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var groups = scores.GroupBy(s => s.Topic ?? "-").Select(g => (g.Key, g.ToList())).Append(("all", scores.ToList()));
        foreach (var (topic, rows) in groups)
        {
            var answered = rows.Where(r => r.Kind != "not-found").ToList();
            var precisions = rows.Where(r => r.CitationPrecision is not null).Select(r => r.CitationPrecision!.Value).ToList();
            var latencies = rows.Select(r => r.LatencyMs).Order().ToList();
            Console.WriteLine(string.Join(" | ", [
                $"| {topic}", rows.Count.ToString(CultureInfo.InvariantCulture), answered.Count.ToString(CultureInfo.InvariantCulture),
                F(answered.Count == 0 ? null : answered.Average(r => r.Citations)),
                F(precisions.Count == 0 ? null : precisions.Average()),
                F(Average(rows.Where(r => !IsNegative(r)).Select(r => r.FactRecall))),
                F(Average(rows.Where(r => !IsNegative(r)).Select(r => r.PassageFactRecall))),
                F(Average(rows.Where(r => !IsNegative(r)).Select(r => r.CitesExpectedDocument ? 1.0 : 0.0))),
                F(Average(rows.Where(r => !IsNegative(r) && r.FirstCitationExpected is not null).Select(r => r.FirstCitationExpected!.Value ? 1.0 : 0.0))),
                F(rows.Average(r => r.CorrectNotFound ? 1.0 : 0.0)),
                $"{latencies[latencies.Count / 2]:0} |"]));
        }
    }

    // Questions the knowledge base cannot answer have no facts to recall.
    private static bool IsNegative(AnswerScore score) => score.ExpectsNotFound;

    private static double? Average(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
