using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Api.Cluster;

/// <summary>Applies the index log to this node's index for as long as the service runs.</summary>
internal sealed class LogFollower(LogApplier applier) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => applier.RunAsync(stoppingToken);
}
