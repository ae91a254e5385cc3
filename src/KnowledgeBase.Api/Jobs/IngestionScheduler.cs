using KnowledgeBase.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Jobs;

/// <summary>The task scheduler ingestion runs on: at most <see cref="ServiceOptions.IngestionThreads"/> threads at once.</summary>
internal sealed class IngestionScheduler(IOptions<ServiceOptions> options)
{
    public TaskScheduler Scheduler { get; } = new ConcurrentExclusiveSchedulerPair(
        TaskScheduler.Default, ThreadsFor(options.Value.IngestionThreads)).ConcurrentScheduler;

    private static int ThreadsFor(int configured) =>
        configured > 0 ? configured : Math.Max(1, Environment.ProcessorCount - 1);
}
