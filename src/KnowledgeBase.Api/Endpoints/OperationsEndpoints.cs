using KnowledgeBase.Api.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Exporter;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>Liveness, readiness and the Prometheus scrape endpoint.</summary>
internal static class OperationsEndpoints
{
    public const string ReadyTag = "ready";

    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: every check tagged "ready" passes (the index is open and readable;
        // an embedding model registers its own "ready" check when embeddings are configured).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        // Everything, with each check's description: "Degraded" says what works less well (no OCR engine).
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
    }
}
