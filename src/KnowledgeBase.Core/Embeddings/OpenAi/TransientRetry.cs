using System.ClientModel;
using System.Globalization;
using System.Net;

namespace KnowledgeBase.Core.Embeddings.OpenAi;

/// <summary>
/// Repeats a call to an embedding server while it answers 408, 429 or 5xx (or cannot be reached), waiting as the server
/// asks (Retry-After) or else exponentially longer. The SDK's own retry is switched off so the attempt count is ours.
/// </summary>
internal sealed class TransientRetry(string endpoint, int attempts, TimeSpan baseDelay, bool hasKey)
{
    private static readonly TimeSpan _longestDelay = TimeSpan.FromSeconds(60);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException e) when (!IsTransient(e.Status))
            {
                throw Failure(e, attempt);
            }
            catch (ClientResultException e) when (attempt >= attempts)
            {
                throw Failure(e, attempt);
            }
            catch (ClientResultException e)
            {
                await Task.Delay(Delay(e, attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Status 0 is the SDK's way of saying no answer arrived (refused connection, reset, timeout).</summary>
    private static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    private TimeSpan Delay(ClientResultException e, int attempt)
    {
        var asked = RetryAfter(e);
        if (asked is { } wait)
        {
            return wait < _longestDelay ? wait : _longestDelay;
        }
        var exponential = baseDelay * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return exponential < _longestDelay ? exponential : _longestDelay;
    }

    /// <summary>Retry-After in seconds or as an HTTP date; OpenAI also sends retry-after-ms.</summary>
    private static TimeSpan? RetryAfter(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }
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
            ? Max(when - DateTimeOffset.UtcNow, TimeSpan.Zero)
            : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Names the endpoint and the last status, never the key (the server's own text stays in the inner exception).</summary>
    private HttpRequestException Failure(ClientResultException e, int attempt)
    {
        var response = e.GetRawResponse();
        var status = e.Status == 0 ? "no answer" : $"{e.Status} {response?.ReasonPhrase}".TrimEnd();
        var hint = e.Status is 401 or 403 && !hasKey
            ? " No API key is configured (Embeddings:ApiKey, KB_EMBEDDINGS_API_KEY or OPENAI_API_KEY)."
            : "";
        var tries = attempt == 1 ? "1 attempt" : $"{attempt} attempts";
        return new HttpRequestException(
            $"Embeddings:Endpoint {endpoint} failed after {tries}; last status: {status}.{hint}",
            e,
            e.Status == 0 ? null : (HttpStatusCode)e.Status);
    }
}
