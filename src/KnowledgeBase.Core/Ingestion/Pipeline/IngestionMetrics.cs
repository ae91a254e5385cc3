using System.Diagnostics.Metrics;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Ingestion's instruments, on a meter any host can listen to (the service exports it with OpenTelemetry);
/// without a listener recording costs next to nothing.
/// </summary>
public static class IngestionMetrics
{
    public const string MeterName = "KnowledgeBase.Ingestion";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Seconds one step took for one file, tagged with the step's name (read, extract, chunk …).</summary>
    public static Histogram<double> StepDuration { get; } =
        Meter.CreateHistogram<double>("kb.ingestion.step.duration", "s", "Time one ingestion step took for one file");
}
