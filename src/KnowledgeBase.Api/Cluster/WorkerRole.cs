using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Api.Cluster;

/// <summary>The worker role (<c>KB__Cluster__Roles=search,worker</c>): this node also ingests files from the work queue.</summary>
internal sealed class WorkerRole(ClusterWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        worker.RunAsync(Path.Combine(Path.GetTempPath(), "kb-worker", Guid.NewGuid().ToString("n")[..12]), stoppingToken);
}
