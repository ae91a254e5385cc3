using KnowledgeBase.Api.Endpoints;
using KnowledgeBase.Core.Ingestion.Pipeline;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>
/// OpenTelemetry metrics (scraped at /metrics) and traces for requests and ingestion jobs; with
/// OTEL_EXPORTER_OTLP_ENDPOINT set, all signals are also exported over OTLP.
/// </summary>
internal static class TelemetryExtensions
{
    public static void AddKnowledgeBaseTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<OcrHealthCheck>("ocr");
        builder.Services.AddHostedService<OcrStartupWarning>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("knowledgebase-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(ServiceMetrics.Name, IngestionMetrics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"))
                .AddSource(ServiceMetrics.Name));
        // Traces (and metrics, logs) leave the process only when a collector is configured, the standard way.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }
}
