using System.CommandLine;
using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>`kb cluster delete ID`: appends a delete to the index log; every replica removes the document.</summary>
internal static class ClusterDeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Document id (each replica resolves a unique prefix of at least 6 characters alike)" };
        var command = new Command("delete", "Delete a document on every replica") { id, CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
            var sequence = await new IndexLog(cluster).AppendAsync(IndexOperation.Delete(parse.GetValue(id)!), Guid.NewGuid().ToString("n"), cancellationToken);
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(new { Sequence = sequence });
            }
            else
            {
                Console.Out.WriteLine($"Delete of {parse.GetValue(id)} is log entry {sequence}.");
            }
            return 0;
        }));
        return command;
    }
}
