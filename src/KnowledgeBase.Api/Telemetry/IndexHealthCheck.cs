using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>Ready when the shared index is open and answers a lookup.</summary>
internal sealed class IndexHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var index = services.GetRequiredService<KeywordIndex>();
            index.CountChunks("health-probe");
            return Task.FromResult(HealthCheckResult.Healthy($"index open at {index.Path}"));
        }
        catch (IndexUnavailableException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }
    }
}
