using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using KnowledgeBase.Core.Hosted;
using Microsoft.Extensions.AI;
using OpenAI;
using EmbeddingClient = OpenAI.Embeddings.EmbeddingClient;
using OpenAIEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace KnowledgeBase.Core.Embeddings.OpenAi;

/// <summary>
/// Embeds text through any server speaking OpenAI's POST /v1/embeddings: OpenAI, Azure OpenAI's /openai/v1 path,
/// Ollama, vLLM, llama.cpp's server. Splits inputs into batches; the SDK's pipeline retries each batch on 408, 429 and
/// 5xx answers (<see cref="HostedRetryPolicy"/>), and a batch that still fails names the endpoint and the last status.
/// </summary>
/// <remarks>
/// Calls the OpenAI SDK's <see cref="EmbeddingClient"/> rather than its AsIEmbeddingGenerator() adapter: the adapter
/// keeps the server's list order and drops each item's "index", and the wire format allows the data in any order.
/// </remarks>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    // Local servers ignore the key, but the SDK refuses an empty credential.
    private const string NoKey = "no-key";

    private readonly EmbeddingClient _client;
    private readonly EmbeddingOptions _options;
    private readonly HostedRetryPolicy _retry;
    private readonly bool _hasKey;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private OpenAiEmbeddingGenerator(
        EmbeddingClient client, EmbeddingOptions options, HostedRetryPolicy retry, bool hasKey, Uri endpoint)
    {
        _client = client;
        _options = options;
        _retry = retry;
        _hasKey = hasKey;
        _metadata = new EmbeddingGeneratorMetadata("openai", endpoint, options.Model, options.Dimensions);
    }

    /// <summary>Connects to <see cref="EmbeddingOptions.Endpoint"/> with <see cref="EmbeddingOptions.Model"/>.</summary>
    /// <param name="httpClient">Sends the requests; null uses the SDK's own shared client.</param>
    /// <exception cref="InvalidOperationException">A setting is missing or wrong; the message starts with its key.</exception>
    public static OpenAiEmbeddingGenerator Create(EmbeddingOptions options, HttpClient? httpClient = null) =>
        Create(options, httpClient, TimeSpan.FromSeconds(1));

    /// <param name="retryDelay">The first back-off wait, doubled each time; tests shorten it.</param>
    internal static OpenAiEmbeddingGenerator Create(EmbeddingOptions options, HttpClient? httpClient, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"Embeddings:Endpoint: '{options.Endpoint}' is not an http(s) address such as http://127.0.0.1:11434/v1.");
        }
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException("Embeddings:Model: required when Embeddings:Provider is openai.");
        }
        if (options.BatchSize < 1)
        {
            throw new InvalidOperationException($"Embeddings:BatchSize: {options.BatchSize} is below 1.");
        }
        if (options.Dimensions is < 1)
        {
            throw new InvalidOperationException($"Embeddings:Dimensions: {options.Dimensions} is below 1.");
        }

        var key = new[] { options.ApiKey, Environment.GetEnvironmentVariable("KB_EMBEDDINGS_API_KEY"),
                Environment.GetEnvironmentVariable("OPENAI_API_KEY") }
            .FirstOrDefault(k => !string.IsNullOrWhiteSpace(k));
        // Embeddings:MaxRetries counts attempts, the first included.
        var retry = new HostedRetryPolicy(Math.Max(1, options.MaxRetries) - 1, retryDelay);
        var clientOptions = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = retry };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

        var client = new EmbeddingClient(options.Model, new ApiKeyCredential(key ?? NoKey), clientOptions);
        return new OpenAiEmbeddingGenerator(client, options, retry, key is not null, endpoint);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = EmbeddingInput.IsQuery(options) ? _options.QueryPrefix : _options.PassagePrefix;

        // Our own query/passage marker is not forwarded: servers reject request fields they do not know.
        var forwarded = new OpenAIEmbeddingOptions { Dimensions = options?.Dimensions ?? _options.Dimensions };
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Select(v => prefix + v).Chunk(_options.BatchSize))
        {
            OpenAI.Embeddings.OpenAIEmbeddingCollection answer;
            try
            {
                answer = (await _client.GenerateEmbeddingsAsync(batch, forwarded, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (Exception e) when (LastFailure(e) is { } failure && !cancellationToken.IsCancellationRequested)
            {
                throw Failure(failure);
            }
            if (answer.Count != batch.Length || answer.Select(e => e.Index).Distinct().Count() != batch.Length)
            {
                throw new InvalidOperationException(
                    $"Embeddings:Endpoint {_metadata.ProviderUri} returned {answer.Count} vectors for {batch.Length} inputs.");
            }
            var created = DateTimeOffset.UtcNow;
            result.AddRange(answer.OrderBy(e => e.Index).Select(e => new Embedding<float>(e.ToFloats())
            {
                CreatedAt = created,
                ModelId = answer.Model ?? _options.Model,
            }));
            if (answer.Usage is { } usage)
            {
                result.Usage ??= new UsageDetails();
                result.Usage.Add(new UsageDetails
                {
                    InputTokenCount = usage.InputTokenCount,
                    TotalTokenCount = usage.TotalTokenCount,
                });
            }
        }
        return result;
    }

    /// <summary>The SDK throws the last try's error, or all of them together when no try got an answer.</summary>
    private static ClientResultException? LastFailure(Exception e) => e switch
    {
        ClientResultException result => result,
        AggregateException all => all.InnerExceptions.OfType<ClientResultException>().LastOrDefault(),
        _ => null,
    };

    /// <summary>Names the endpoint and the last status, never the key (the server's own text stays in the inner exception).</summary>
    private HttpRequestException Failure(ClientResultException e)
    {
        var attempts = HostedRetryPolicy.IsTransient(e.Status) ? _retry.MaxAttempts : 1;
        var status = e.Status == 0 ? "no answer" : $"{e.Status} {e.GetRawResponse()?.ReasonPhrase}".TrimEnd();
        var hint = e.Status is 401 or 403 && !_hasKey
            ? " No API key is configured (Embeddings:ApiKey, KB_EMBEDDINGS_API_KEY or OPENAI_API_KEY)."
            : "";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return new HttpRequestException(
            $"Embeddings:Endpoint {_metadata.ProviderUri} failed after {tries}; last status: {status}.{hint}",
            e,
            e.Status == 0 ? null : (HttpStatusCode)e.Status);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(EmbeddingClient) ? _client
            : null;
    }

    public void Dispose()
    {
        // EmbeddingClient holds nothing to release; a caller's HttpClient stays the caller's.
    }
}
