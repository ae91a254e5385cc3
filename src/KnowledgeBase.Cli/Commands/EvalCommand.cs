using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb eval --queries Q.jsonl --qrels R.tsv`: retrieval quality as a Markdown table, optionally as JSON.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var queries = new Option<FileInfo>("--queries") { Description = "JSON Lines of {\"id\", \"query\", \"kind\"}" };
        var qrels = new Option<FileInfo>("--qrels") { Description = "TSV: query_id, file, clause or -, relevance" };
        var answers = new Option<FileInfo?>("--answers") { Description = "Instead: JSON Lines of {\"id\", \"question\", \"facts\", \"documents\"}; measures extractive answers" };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the results as JSON to this file" };
        var command = new Command("eval", "Measure retrieval quality on judged queries") { queries, qrels, answers, output };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            if (parse.GetValue(answers) is { } answerFile)
            {
                return await AnswerEvalCommand.RunAsync(CliRoot.IndexPath(parse), answerFile, parse.GetValue(output), cancellationToken);
            }
            if (parse.GetValue(queries) is not { } queryFile || parse.GetValue(qrels) is not { } qrelFile)
            {
                return CliErrors.Fail("give --queries and --qrels, or --answers");
            }
            foreach (var file in new[] { queryFile, qrelFile }.Where(f => !f.Exists))
            {
                return CliErrors.Fail($"{file.FullName}: no such file");
            }
            EvaluationSet set;
            try
            {
                set = EvaluationSet.Load(queryFile.FullName, qrelFile.FullName);
            }
            catch (FormatException ex)
            {
                return CliErrors.Fail(ex.Message);
            }
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            var rows = Evaluator.Run(index, set);
            WriteMarkdown(rows);
            if (parse.GetValue(output) is { } jsonFile)
            {
                File.WriteAllText(jsonFile.FullName, System.Text.Json.JsonSerializer.Serialize(new { mode = "bm25", rows }, JsonOutput.Indented));
            }
            return 0;
        }));
        return command;
    }

    private static void WriteMarkdown(IReadOnlyList<EvaluationRow> rows)
    {
        static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine("| mode | kind | queries | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| bm25 | {row.Kind} | {row.Queries} | {F(row.RecallAt1)} | {F(row.RecallAt5)} | {F(row.RecallAt10)} | {F(row.MrrAt10)} | {F(row.NdcgAt10)} | {row.LatencyP50Ms:0.0} | {row.LatencyP95Ms:0.0} |");
        }
    }
}
