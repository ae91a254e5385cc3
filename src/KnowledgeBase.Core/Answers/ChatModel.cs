using System.ClientModel;
using System.Runtime.CompilerServices;
using KnowledgeBase.Core.Hosted;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// The configured chat model through Semantic Kernel's OpenAI connector. Retries are the SDK pipeline's, with the rule
/// both hosted clients share (<see cref="HostedRetryPolicy"/>: 408, 429, 5xx, timeouts and network errors, waiting as
/// Retry-After asks); a request that still fails, or that the model refuses, is an <see cref="AnswerUnavailableException"/>.
/// A stream is retried only until its first chunk: once text has arrived, a failure ends it.
/// </summary>
internal sealed class ChatModel(IChatCompletionService chat, HostedRetryPolicy retry, ILogger logger)
{
    private static readonly OpenAIPromptExecutionSettings Settings = new() { Temperature = 0 };

    public static ChatModel Create(AnswerOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException($"{AnswerOptions.SectionName}:Model is required when {AnswerOptions.SectionName}:Provider is \"openai\"");
        }
        var retry = new HostedRetryPolicy(Math.Max(0, options.MaxRetries), options.RetryDelay);
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = retry,
            NetworkTimeout = options.Timeout,
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }
        var client = new OpenAIClient(new ApiKeyCredential(options.ResolveApiKey()), clientOptions);
        return new ChatModel(new OpenAIChatCompletionService(options.Model, client), retry, logger);
    }

    public async Task<(string Text, TokenUsage? Usage)> CompleteAsync(ChatHistory history, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await chat.GetChatMessageContentAsync(history, Settings, kernel: null, cancellationToken);
            return (reply.Content ?? "", UsageOf(reply.Metadata));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>Streams text chunks (and, last, the usage when the server reports it).</summary>
    public async IAsyncEnumerable<(string Text, TokenUsage? Usage)> StreamAsync(
        ChatHistory history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = chat.GetStreamingChatMessageContentsAsync(history, Settings, kernel: null, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var started = false;
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
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && started)
            {
                throw new AnswerUnavailableException("The answer model failed while streaming.", ex);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Unavailable(ex);
            }
            started = true;
            yield return (chunk.Content ?? "", UsageOf(chunk.Metadata));
        }
    }

    private AnswerUnavailableException Unavailable(Exception error)
    {
        var transient = IsTransient(error);
        var attempts = transient ? retry.MaxAttempts : 1;
        logger.LogWarning(error, "Answer model failed after {Attempts} attempts", attempts);
        return new AnswerUnavailableException(
            transient ? $"The answer model kept failing after {attempts} attempts." : "The answer model refused the request.", error);
    }

    private static bool IsTransient(Exception error) => error switch
    {
        HttpOperationException { StatusCode: { } status } => HostedRetryPolicy.IsTransient((int)status),
        ClientResultException result => HostedRetryPolicy.IsTransient(result.Status),
        HttpRequestException or TimeoutException or OperationCanceledException or IOException or AggregateException => true,
        _ => error.InnerException is { } inner && IsTransient(inner),
    };

    private static TokenUsage? UsageOf(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata?.GetValueOrDefault("Usage") is OpenAI.Chat.ChatTokenUsage usage
            ? new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount)
            : null;
}
