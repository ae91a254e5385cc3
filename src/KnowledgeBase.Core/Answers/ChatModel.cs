using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// The configured chat model through Semantic Kernel's OpenAI connector, with our own retries: a 429, a 5xx, a
/// timeout or a network error is retried with doubling delays, then reported as <see cref="AnswerUnavailableException"/>.
/// The OpenAI client's own retries are off so that <see cref="AnswerOptions.MaxRetries"/> means what it says.
/// </summary>
internal sealed class ChatModel(IChatCompletionService chat, AnswerOptions options, ILogger logger)
{
    private static readonly OpenAIPromptExecutionSettings Settings = new() { Temperature = 0 };

    public static ChatModel Create(AnswerOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException($"{AnswerOptions.SectionName}:Model is required when {AnswerOptions.SectionName}:Provider is \"openai\"");
        }
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }
        var client = new OpenAIClient(new ApiKeyCredential(options.ResolveApiKey()), clientOptions);
        return new ChatModel(new OpenAIChatCompletionService(options.Model, client), options, logger);
    }

    public async Task<(string Text, TokenUsage? Usage)> CompleteAsync(ChatHistory history, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                var reply = await chat.GetChatMessageContentAsync(history, Settings, kernel: null, timeout.Token);
                return (reply.Content ?? "", UsageOf(reply.Metadata));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not AnswerUnavailableException)
            {
                await WaitOrGiveUpAsync(ex, attempt, cancellationToken);
            }
        }
    }

    /// <summary>Streams text chunks (and, last, the usage when the server reports it). Retries only before the first chunk.</summary>
    public async IAsyncEnumerable<(string Text, TokenUsage? Usage)> StreamAsync(
        ChatHistory history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            var stream = chat.GetStreamingChatMessageContentsAsync(history, Settings, kernel: null, timeout.Token).GetAsyncEnumerator(timeout.Token);
            var started = false;
            try
            {
                while (true)
                {
                    StreamingChatMessageContent chunk;
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            yield break;
                        }
                        chunk = stream.Current;
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !started)
                    {
                        await WaitOrGiveUpAsync(ex, attempt, cancellationToken);
                        break;
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new AnswerUnavailableException("The answer model failed while streaming.", ex);
                    }
                    started = true;
                    yield return (chunk.Content ?? "", UsageOf(chunk.Metadata));
                }
            }
            finally
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task WaitOrGiveUpAsync(Exception error, int attempt, CancellationToken cancellationToken)
    {
        var transient = IsTransient(error);
        if (!transient || attempt >= options.MaxRetries)
        {
            var attempts = attempt + 1;
            logger.LogWarning(error, "Answer model failed after {Attempts} attempts", attempts);
            throw new AnswerUnavailableException(
                transient ? $"The answer model kept failing after {attempt + 1} attempts." : "The answer model refused the request.", error);
        }
        var delay = options.RetryDelay * Math.Pow(2, attempt);
        var failed = attempt + 1;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(error, "Answer model attempt {Attempt} failed; retrying in {Delay}", failed, delay);
        }
        await Task.Delay(delay, cancellationToken);
    }

    private static bool IsTransient(Exception error) => error switch
    {
        HttpOperationException { StatusCode: { } status } => IsTransient(status),
        HttpOperationException { InnerException: { } inner } => IsTransient(inner),
        ClientResultException { Status: > 0 } result => IsTransient((HttpStatusCode)result.Status),
        HttpRequestException or TimeoutException or OperationCanceledException or IOException => true,
        ClientResultException => true,
        _ => error.InnerException is { } inner && IsTransient(inner),
    };

    private static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TokenUsage? UsageOf(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata?.GetValueOrDefault("Usage") is OpenAI.Chat.ChatTokenUsage usage
            ? new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount)
            : null;
}
