using System.Diagnostics;
using System.Diagnostics.Metrics;
using KnowledgeBase.Api.Jobs;

namespace KnowledgeBase.Api.Telemetry;

/// <summary>
/// The service's own instruments, beside ASP.NET Core's and Core's ingestion meter. Created through
/// <see cref="IMeterFactory"/> so each host (and each test host) has its own meter, disposed with it.
/// </summary>
internal sealed class ServiceMetrics
{
    public const string Name = "KnowledgeBase.Api";

    public static readonly ActivitySource Activities = new(Name);

    public ServiceMetrics(IMeterFactory meters, JobStore store)
    {
        var meter = meters.Create(Name);
        Files = meter.CreateCounter<long>("kb.ingestion.files", "{file}", "Files finished by ingestion jobs, by state");
        JobDuration = meter.CreateHistogram<double>("kb.ingestion.job.duration", "s", "Time from a job's start to its end");
        meter.CreateObservableGauge("kb.ingestion.queue.depth", store.CountUnfinished, "{job}", "Jobs waiting or running");
    }

    public Counter<long> Files { get; }

    public Histogram<double> JobDuration { get; }
}
