using System.Threading.Channels;
using KnowledgeBase.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Jobs;

/// <summary>
/// Ids of jobs waiting for the one ingestion worker. Bounded, so a flood of uploads is refused (503) rather than
/// piling up; the jobs themselves are already persisted, the queue only orders them.
/// </summary>
internal sealed class JobQueue(IOptions<ServiceOptions> options)
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<string> Reader => _channel.Reader;

    /// <summary>Queues a job; false when the queue is full.</summary>
    public bool TryEnqueue(string jobId) => _channel.Writer.TryWrite(jobId);
}
