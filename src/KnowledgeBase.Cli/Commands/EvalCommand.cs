using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// `kb eval --queries Q.jsonl --qrels R.tsv [--mode …] [--compare]`: retrieval quality as Markdown tables, optionally
/// as JSON. --compare measures every mode, fusion and weight, query expansion and document grouping in one run.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(IServiceProvider services)
    {
        var queries = new Option<FileInfo>("--queries") { Description = "JSON Lines of {\"id\", \"query\", \"kind\"}" };
        var qrels = new Option<FileInfo>("--qrels") { Description = "TSV: query_id, file, clause or -, relevance" };
        var answers = new Option<FileInfo?>("--answers") { Description = "Instead: JSON Lines of {\"id\", \"question\", \"facts\", \"documents\"}; measures extractive answers" };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the results as JSON to this file" };
        var compare = new Option<bool>("--compare") { Description = "Measure bm25, dense, hybrid (RRF and blends), expansion and grouping" };
        var compareTopics = new Option<FileInfo?>("--compare-topics") { Description = "Instead: TSV of judged comparison cells (file, topic, addressed|not, evidence); measures the verdicts" };
        var evidence = new Option<FileInfo?>("--evidence") { Description = "With --compare-topics: TSV (file, topic, yes|no) judging whether each cited passage is about its topic" };
        var listEvidence = new Option<bool>("--list-evidence") { Description = "With --compare-topics: print the cited passage of every cell called addressed" };
        var retrievalOptions = new RetrievalOptions();
        var command = new Command("eval", "Measure retrieval quality on judged queries") { queries, qrels, answers, output, compare, compareTopics, evidence, listEvidence };
        foreach (var option in retrievalOptions.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            if (parse.GetValue(compareTopics) is { } judgmentFile)
            {
                return CompareEvalCommand.Run(CliRoot.IndexPath(parse), judgmentFile, parse.GetValue(evidence), parse.GetValue(listEvidence));
            }
            if (parse.GetValue(answers) is { } answerFile)
            {
                return await AnswerEvalCommand.RunAsync(CliRoot.IndexPath(parse), services, answerFile, parse.GetValue(output), cancellationToken);
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
            var (request, error) = retrievalOptions.Apply(parse, new SearchRequest(""));
            if (request is null)
            {
                return CliErrors.Fail(error!);
            }
            var configured = services.GetRequiredService<SearchOptions>();
            var mode = request.Mode ?? configured.DefaultMode;
            var variants = parse.GetValue(compare)
                ? EvaluationVariant.Comparison(configured)
                : [new EvaluationVariant(Describe(mode, request), mode, configured, request.ExpandQuery, request.GroupByDocument)];
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            var rows = new List<EvaluationRow>();
            foreach (var variant in variants)
            {
                var search = RetrievalOptions.Open(index, services, variant.Options);
                rows.AddRange(await Evaluator.RunAsync(search.SearchAsync, set, variant, cancellationToken));
            }
            EvaluationTables.Write(rows);
            if (parse.GetValue(output) is { } jsonFile)
            {
                File.WriteAllText(jsonFile.FullName, System.Text.Json.JsonSerializer.Serialize(new { rows }, JsonOutput.Indented));
            }
            return 0;
        }));
        return command;
    }

    private static string Describe(SearchMode mode, SearchRequest request) =>
        mode.ToString().ToLowerInvariant() + (request.ExpandQuery ? " + expansion" : "") + (request.GroupByDocument ? " by document" : "");
}
