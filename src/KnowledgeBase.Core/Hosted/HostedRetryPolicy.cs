using System.ClientModel.Primitives;
using System.Globalization;

namespace KnowledgeBase.Core.Hosted;

/// <summary>
/// The one retry rule of both hosted clients (embeddings and the chat model), plugged into the OpenAI SDK's own
/// pipeline: a 408, 429 or 5xx answer, or no answer at all, is tried again up to <c>maxRetries</c> times, waiting as
/// the server asks (Retry-After in seconds or as a date, or OpenAI's retry-after-ms) or else exponentially longer from
/// <c>baseDelay</c>, never more than a minute. A caller's cancellation is never retried.
/// </summary>
internal sealed class HostedRetryPolicy : ClientRetryPolicy
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(60);

    private readonly int _maxRetries;
    private readonly TimeSpan _baseDelay;

    public HostedRetryPolicy(int maxRetries, TimeSpan baseDelay)
        : base(maxRetries)
    {
        _maxRetries = maxRetries;
        _baseDelay = baseDelay;
    }

    /// <summary>How many requests a call makes at most: the first and its retries.</summary>
    public int MaxAttempts => _maxRetries + 1;

    /// <summary>Status 0 is the SDK's way of saying no answer arrived (refused connection, reset, timeout).</summary>
    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        if (RetriesOf(message) >= _maxRetries || message.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
        return exception is not null || (message.Response is { } response && IsTransient(response.Status));
    }

    // The SDK keeps its own count internal, so the policy counts a message's retries on the message itself.
    protected override void OnTryComplete(PipelineMessage message) =>
        message.SetProperty(typeof(HostedRetryPolicy), RetriesOf(message) + 1);

    private static int RetriesOf(PipelineMessage message) =>
        message.TryGetProperty(typeof(HostedRetryPolicy), out var retries) && retries is int count ? count : 0;

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var wait = (message.Response is { } response ? RetryAfter(response.Headers) : null)
            ?? _baseDelay * Math.Pow(2, tryCount - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return wait < LongestDelay ? wait : LongestDelay;
    }

    private static TimeSpan? RetryAfter(PipelineResponseHeaders headers)
    {
        if (headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }
        if (!headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero)
            : null;
    }
}
