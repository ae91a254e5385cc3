using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>`kb cluster status [--index DIR]`: the log's last sequence and, with an index, how far it has applied the log.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the index log's last sequence and a local replica's applied one") { CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var last = await cluster.LastLogSequenceAsync(cancellationToken);
            long? applied = null;
            if (parse.GetValue(CliRoot.Index) is not null)
            {
                using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
                applied = index.AppliedLogSequence;
            }
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(new { LastSequence = last, AppliedSequence = applied });
            }
            else
            {
                Console.Out.WriteLine(applied is null ? $"index log at {last}" : $"index log at {last}; this index has applied {applied}");
            }
            return 0;
        }));
        return command;
    }
}
