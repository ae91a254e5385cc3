using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>
/// Ready when the shared index is open and answers a lookup, and the embedding model (when one is configured) is
/// loaded and is the model that embedded the index.
/// </summary>
internal sealed class IndexHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var index = services.GetRequiredService<KeywordIndex>();
            index.CountChunks("health-probe");
            var model = services.GetService<PassageEmbedder>()?.ModelId;
            // No vectors yet (a new index) or no model configured (keyword search) is ready; two different models are not.
            if (model is not null && index.EmbeddingModel is not null
                && EmbeddingModelMismatchException.Check(index.Path, index.EmbeddingModel, model) is { } mismatch)
            {
                throw mismatch;
            }
            return Task.FromResult(HealthCheckResult.Healthy($"index open at {index.Path}; embeddings: {model ?? "none"}"));
        }
        catch (Exception ex) when (ex is IndexUnavailableException or ConfigurationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }
    }
}
