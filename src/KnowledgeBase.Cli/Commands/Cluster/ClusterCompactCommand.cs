using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster compact [--index DIR]`: publishes a snapshot of the whole index and removes the log entries it holds.
/// Without --index it builds the index in a temporary folder (from the newest snapshot and the log) and removes it
/// after, so it needs no running node; with --index it brings that (stopped) replica up to date and snapshots it.
/// </summary>
internal static class ClusterCompactCommand
{
    public static Command Create()
    {
        var command = new Command("compact", "Snapshot the index to the cluster and remove the log entries the snapshot holds") { CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var given = parse.GetValue(CliRoot.Index);
            var path = given ?? Directory.CreateTempSubdirectory("kb-compact-").FullName;
            try
            {
                await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
                long sequence;
                using (var index = KeywordIndex.OpenForWriting(path))
                {
                    sequence = await new LogCompactor(cluster).CompactAsync(index, cancellationToken);
                }
                var first = await cluster.FirstLogSequenceAsync(cancellationToken);
                if (parse.GetValue(CliRoot.Json))
                {
                    JsonOutput.Write(new { SnapshotSequence = sequence, FirstLogSequence = first });
                }
                else
                {
                    Console.Out.WriteLine(sequence == 0
                        ? "The index log is empty: nothing to compact."
                        : $"Snapshot at log sequence {sequence} published; the log now starts at {first}.");
                }
                return 0;
            }
            finally
            {
                if (given is null)
                {
                    Directory.Delete(path, recursive: true);
                }
            }
        }));
        return command;
    }
}
