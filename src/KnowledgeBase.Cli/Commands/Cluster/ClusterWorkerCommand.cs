using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>`kb cluster worker`: takes files from the work queue, ingests them and publishes them to the index log, until stopped.</summary>
internal static class ClusterWorkerCommand
{
    public static Command Create(IServiceProvider services)
    {
        var concurrency = new Option<int?>("--concurrency") { Description = "Files ingested at once (default: $KB__Cluster__WorkerConcurrency, else 1)" };
        var command = new Command("worker", "Run an ingestion worker until stopped (Ctrl+C)") { concurrency };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var options = ClusterCommand.Options(parse);
            options.WorkerConcurrency = parse.GetValue(concurrency) ?? options.WorkerConcurrency;
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var worker = new ClusterWorker(cluster, services.GetRequiredService<IngestionRunner>(), TimeProvider.System);
            // One line per file taken and finished: what an operator (and the crash test) watches.
            worker.Progress += (item, outcome) => Console.Out.WriteLine(outcome is null
                ? $"taking {item.Source}"
                : $"{outcome.Status.ToString().ToLowerInvariant()} {item.Source}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
            var scratch = Path.Combine(Path.GetTempPath(), "kb-worker", Guid.NewGuid().ToString("n")[..12]);
            try
            {
                await worker.RunAsync(scratch, cancellationToken);
            }
            finally
            {
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the temp cleaner.
                }
            }
            return 0;
        }));
        return command;
    }
}
