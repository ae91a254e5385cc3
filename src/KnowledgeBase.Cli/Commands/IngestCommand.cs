using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb ingest PATH…`: files or folders (recursive) into the index, with progress and a summary table.</summary>
internal static class IngestCommand
{
    public static Command Create(IServiceProvider services)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "Ingest PDF, Word .docx, HTML, Markdown and text files") { paths, CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (files, missing) = SourceFileFinder.Find(parse.GetValue(paths)!);
            foreach (var message in missing)
            {
                CliErrors.Fail(message);
            }
            if (files.Count == 0)
            {
                return CliErrors.Fail("no files to ingest");
            }
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse));
            var runner = services.GetRequiredService<IngestionRunner>();
            var json = parse.GetValue(CliRoot.Json);
            var summary = json
                ? await runner.RunAsync(index, files, null, cancellationToken)
                : await IngestionView.RunWithProgressAsync(runner, index, files, cancellationToken);
            if (json)
            {
                JsonOutput.Write(new
                {
                    summary.Ingested, summary.Pages, summary.Chunks, summary.Failed,
                    Seconds = summary.Elapsed.TotalSeconds, summary.PagesPerSecond,
                    Files = summary.Outcomes.Select(o => new { o.File.Source, Status = o.Status.ToString().ToLowerInvariant(), o.DocumentId, o.Pages, o.Chunks, o.Reason, o.Warnings }),
                });
            }
            else
            {
                IngestionView.WriteSummary(summary, index.Path);
            }
            return summary.NothingIngested ? CliErrors.UserError : 0;
        }));
        return command;
    }
}
