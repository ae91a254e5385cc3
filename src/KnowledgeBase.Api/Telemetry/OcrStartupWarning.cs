using KnowledgeBase.Core.Ingestion.Ocr;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>Says at start, once, when OCR is on but cannot run, so the operator need not wait for a scan to find out.</summary>
internal sealed partial class OcrStartupWarning(OcrEngine engine, ILogger<OcrStartupWarning> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var availability = await engine.GetAvailabilityAsync();
        if (engine.Options.Enabled && !availability.IsAvailable)
        {
            OcrUnavailable(logger, availability.Description);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR unavailable: {Reason}")]
    private static partial void OcrUnavailable(ILogger logger, string reason);
}
