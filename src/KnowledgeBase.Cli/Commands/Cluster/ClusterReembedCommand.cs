using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster reembed`: changes the embedding model of the whole cluster to the configured one (KB__Embeddings__…).
/// It builds the index from the log in a temporary folder, re-embeds it, publishes it as a snapshot and appends a
/// rebase entry; every search node then takes the snapshot over instead of embedding.
/// </summary>
internal static class ClusterReembedCommand
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("reembed", "Re-embed the cluster's index with the configured model and switch every search node to it") { CliRoot.Json };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var path = Directory.CreateTempSubdirectory("kb-reembed-").FullName;
            try
            {
                await using var cluster = await ClusterCommand.ConnectAsync(parse, cancellationToken);
                ReembedOutcome? outcome;
                using (var index = KeywordIndex.OpenForWriting(path))
                {
                    outcome = await new LogReembedder(cluster, services.GetRequiredService<Reindexer>()).ReembedAsync(index, cancellationToken);
                }
                if (parse.GetValue(CliRoot.Json))
                {
                    JsonOutput.Write(new { outcome?.Documents, outcome?.Model, outcome?.SnapshotSequence, outcome?.RebaseSequence });
                }
                else
                {
                    Console.Out.WriteLine(outcome is null
                        ? "The index log is empty: nothing to re-embed."
                        : $"Re-embedded {outcome.Documents} documents with {outcome.Model} (log sequence {outcome.SnapshotSequence}); "
                            + $"search nodes switch to it at log sequence {outcome.RebaseSequence}.");
                }
                return 0;
            }
            finally
            {
                Directory.Delete(path, recursive: true);
            }
        }));
        return command;
    }
}
