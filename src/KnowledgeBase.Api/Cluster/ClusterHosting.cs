using KnowledgeBase.Api.Configuration;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;

namespace KnowledgeBase.Api.Cluster;

/// <summary>
/// Cluster mode of the service (<c>KB__Cluster__Nats</c>): the node follows the index log into its own index and
/// serves searches from it; writes go to the cluster (<see cref="ClusterEndpoints"/>); with the worker role it also
/// ingests files from the work queue. Without a NATS address none of this is registered and the service is unchanged.
/// </summary>
internal static class ClusterHosting
{
    private const string Section = ServiceOptions.Section + ":" + ClusterOptions.SectionName;

    public static bool IsEnabled(IConfiguration configuration) => Options(configuration).IsEnabled;

    public static void AddKnowledgeBaseCluster(this WebApplicationBuilder builder)
    {
        var options = Options(builder.Configuration);
        if (!options.IsEnabled)
        {
            return;
        }
        options.Validate();
        // "search" follows the log and serves searches; "worker" ingests from the work queue; "search,worker" both.
        var roles = builder.Configuration[$"{Section}:Roles"] ?? "search";
        // The log is the only way into a node's index: ingesting the bundled corpus locally would make this node
        // differ from the others (the corpus is submitted once, with `kb cluster submit`).
        builder.Services.PostConfigure<ServiceOptions>(service => service.CorpusPath = "");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => ClusterConnection.ConnectAsync(options, CancellationToken.None).GetAwaiter().GetResult());
        // Originals of documents other nodes' workers ingested are served from the object store.
        builder.Services.AddSingleton(sp => new OriginalStore(sp.GetRequiredService<ClusterConnection>()));
        builder.Services.AddSingleton(sp => new LogApplier(sp.GetRequiredService<ClusterConnection>(), sp.GetRequiredService<KeywordIndex>(),
            sp.GetRequiredService<ILogger<LogApplier>>()));
        if (roles.Contains("search", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddHostedService<LogFollower>();
        }
        if (roles.Contains("worker", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(sp => new ClusterWorker(sp.GetRequiredService<ClusterConnection>(), sp.GetRequiredService<IngestionRunner>(),
                TimeProvider.System, sp.GetRequiredService<ILogger<ClusterWorker>>()));
            builder.Services.AddHostedService<WorkerRole>();
        }
    }

    public static void UseKnowledgeBaseCluster(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            app.UseMiddleware<ClusterRequests>();
            app.MapClusterEndpoints();
        }
    }

    private static ClusterOptions Options(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterOptions>() ?? new ClusterOptions();
}
