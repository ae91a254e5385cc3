using KnowledgeBase.Core.Ingestion.Ocr;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>
/// Degraded, never unhealthy, when OCR is on but its engines are missing: search and ingestion work, scanned pages
/// are recorded as image-only until tesseract-ocr and poppler-utils are installed.
/// </summary>
internal sealed class OcrHealthCheck(OcrEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var availability = await engine.GetAvailabilityAsync();
        return availability.IsAvailable || !engine.Options.Enabled
            ? HealthCheckResult.Healthy(availability.Description)
            : HealthCheckResult.Degraded(availability.Description);
    }
}
