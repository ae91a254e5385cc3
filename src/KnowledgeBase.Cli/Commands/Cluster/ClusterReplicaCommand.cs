using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster replica --index DIR [--until N]`: keeps a local index in step with the index log until stopped (or,
/// with --until, until it has applied entry N: a script's "catch up, then go on" without polling); `kb search --index
/// DIR` reads it meanwhile. Restarted, it resumes after the sequence its index's last commit records.
/// </summary>
internal static class ClusterReplicaCommand
{
    public static Command Create()
    {
        var until = new Option<long?>("--until") { Description = "Stop once the index has applied this log sequence" };
        var command = new Command("replica", "Apply the cluster's index log to a local index until stopped (Ctrl+C)") { until };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse), searchedWhileWriting: true);
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var applier = new LogApplier(cluster, index);
            Console.Out.WriteLine($"following the index log from sequence {applier.AppliedSequence + 1} into {index.Path}");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var following = applier.RunAsync(stop.Token);
            if (parse.GetValue(until) is { } last)
            {
                await Task.WhenAny(applier.WaitForAsync(last, Timeout.InfiniteTimeSpan, stop.Token), following);
                await stop.CancelAsync();
            }
            await following;
            if (applier.Fault is { } fault)
            {
                return CliErrors.Fail(fault, CliErrors.IndexError);
            }
            Console.Out.WriteLine($"applied the index log up to sequence {applier.AppliedSequence}");
            return 0;
        }));
        return command;
    }
}
