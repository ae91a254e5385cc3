using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Ingestion.Pipeline;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster submit PATH…`: hands files (or folders, recursively) to the cluster's workers. Each is known by its
/// full path, as `kb ingest` names it, so a cluster's index and a local one of the same files agree.
/// </summary>
internal static class ClusterSubmitCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var command = new Command("submit", "Queue files for the cluster's ingestion workers") { paths, CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (files, missing) = SourceFileFinder.Find(parse.GetValue(paths)!);
            foreach (var message in missing)
            {
                CliErrors.Fail(message);
            }
            if (files.Count == 0)
            {
                return CliErrors.Fail("no files to submit");
            }
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var submitter = new WorkSubmitter(cluster);
            var items = new List<WorkItem>();
            foreach (var file in files)
            {
                items.Add(await submitter.SubmitAsync(file.Path, file.Source, null, 0, cancellationToken));
            }
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(new { Submitted = items.Count, Files = items.Select(i => new { i.Id, i.Source }) });
            }
            else
            {
                Console.Out.WriteLine($"Queued {items.Count} file(s) for the cluster's workers.");
            }
            return 0;
        }));
        return command;
    }
}
