using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings.OpenAi;

/// <summary>
/// A hosted embedding API on 127.0.0.1 speaking OpenAI's POST /v1/embeddings wire format: it answers in the
/// encoding_format asked for (the .NET SDK asks for base64), lists the data in reverse order with their indexes,
/// and can be told to fail first. Each input's vector is <see cref="VectorFor"/>, so tests know what to expect.
/// </summary>
internal sealed class FakeEmbeddingServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();

    public FakeEmbeddingServer()
    {
        (_listener, var port) = LoopbackListener.Start();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Every request fails with this status (after the queued failures) when set.</summary>
    public int? AlwaysFail { get; set; }

    /// <summary>Answers float arrays whatever was asked, as some local servers do.</summary>
    public bool IgnoreEncodingFormat { get; set; }

    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>What this fake "model" returns for a text: derived from the characters, distinct per text.</summary>
    public static float[] VectorFor(string text, int dimensions = 6) =>
        Enumerable.Range(0, dimensions)
            .Select(j => text.Length + (j * 0.5f) + (text.Sum(c => c * (j + 1)) % 97 / 10f))
            .ToArray();

    /// <summary>Stops listening; safe to call twice, since a test may close the server early.</summary>
    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var response = context.Response;
            await AnswerAsync(context.Request, response);
        }
    }

    private async Task AnswerAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var inputs = body["input"] is JsonArray array
            ? array.Select(i => i!.GetValue<string>()).ToArray()
            : [body["input"]!.GetValue<string>()];
        var format = body["encoding_format"]?.GetValue<string>() ?? "float";
        var dimensions = body["dimensions"]?.GetValue<int>();
        Requests.Enqueue(new SeenRequest(
            request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"],
            body["model"]?.GetValue<string>(), inputs, format, dimensions));

        if (NextFailure() is { } failure)
        {
            response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                response.Headers["Retry-After"] = failure.RetryAfter;
            }
            await WriteAsync(response, """{"error":{"message":"try later","type":"server_error"}}""");
            return;
        }

        var data = new JsonArray();
        for (var i = inputs.Length - 1; i >= 0; i--)
        {
            var vector = VectorFor(inputs[i], dimensions ?? 6);
            JsonNode embedding = format == "base64" && !IgnoreEncodingFormat
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        var tokens = inputs.Sum(i => i.Length);
        var answer = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        await WriteAsync(response, answer.ToJsonString());
    }

    private (int Status, string? RetryAfter)? NextFailure() =>
        _failures.TryDequeue(out var queued) ? queued : AlwaysFail is { } status ? (status, null) : null;

    private static async Task WriteAsync(HttpListenerResponse response, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }

    internal sealed record SeenRequest(
        string Method, string Path, string? Authorization, string? Model, string[] Inputs, string Format, int? Dimensions);
}
