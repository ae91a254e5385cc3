using System.CommandLine;
using KnowledgeBase.Core.Cluster;
using Microsoft.Extensions.Configuration;

namespace KnowledgeBase.Cli.Commands.Cluster;

/// <summary>
/// `kb cluster …`: the processes of cluster mode (ingestion workers, search-node replicas) and the writes that go to
/// the cluster instead of a local index. Without a NATS address nothing here runs and `kb` is unchanged.
/// </summary>
internal static class ClusterCommand
{
    public static readonly Option<string?> Nats = new("--nats")
    {
        Description = "NATS server URL(s) with JetStream (default: $KB__Cluster__Nats)",
        Recursive = true,
    };

    public static Command Create(IServiceProvider services)
    {
        var command = new Command("cluster", "Cluster mode on NATS JetStream: workers, replicas, submitting files and deletes, compacting the log, changing the embedding model")
        {
            Nats,
            ClusterWorkerCommand.Create(services),
            ClusterReplicaCommand.Create(),
            ClusterSubmitCommand.Create(),
            ClusterDeleteCommand.Create(),
            ClusterStatusCommand.Create(),
            ClusterCompactCommand.Create(),
            ClusterReembedCommand.Create(services),
        };
        return command;
    }

    /// <summary>The cluster settings from KB__Cluster__… with --nats over them; an error when no address is given.</summary>
    public static ClusterOptions Options(ParseResult parse)
    {
        var options = new ConfigurationBuilder().AddEnvironmentVariables("KB__").Build()
            .GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions();
        options.Nats = parse.GetValue(Nats) ?? options.Nats;
        if (!options.IsEnabled)
        {
            throw new Core.Configuration.ConfigurationException("Cluster:Nats: no NATS address (give --nats nats://host:4222 or set KB__Cluster__Nats)");
        }
        return options;
    }

    /// <summary>Connects, turning an unreachable server into one line naming the address.</summary>
    public static async Task<ClusterConnection> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = Options(parse);
        try
        {
            return await ClusterConnection.ConnectAsync(options, cancellationToken);
        }
        catch (NATS.Client.Core.NatsException ex)
        {
            throw new Core.Configuration.ConfigurationException($"Cluster:Nats: cannot use the NATS server at {options.Nats} ({ex.Message})", ex);
        }
    }
}
