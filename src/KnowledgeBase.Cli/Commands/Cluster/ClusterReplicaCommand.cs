using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster replica --index DIR`: keeps a local index in step with the index log until stopped; `kb search
/// --index DIR` reads it meanwhile. Restarted, it resumes after the sequence its index's last commit records.
/// </summary>
internal static class ClusterReplicaCommand
{
    public static Command Create()
    {
        var command = new Command("replica", "Apply the cluster's index log to a local index until stopped (Ctrl+C)");
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse));
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var applier = new LogApplier(cluster, index);
            Console.Out.WriteLine($"following the index log from sequence {applier.AppliedSequence + 1} into {index.Path}");
            await applier.RunAsync(cancellationToken);
            return applier.Fault is { } fault ? CliErrors.Fail(fault, CliErrors.IndexError) : 0;
        }));
        return command;
    }
}
