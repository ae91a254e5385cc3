using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Answers;

/// <summary>
/// A chat-completions server on 127.0.0.1 speaking the OpenAI wire format, plain or streamed as server-sent
/// events, replying from a script: each request takes the next scripted reply (the last one repeats). It stands
/// in for the hosted model, which cannot run here; everything between the answer service and it is real.
/// </summary>
internal sealed class FakeChatServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Queue<Reply> _script = new();
    private readonly List<JsonObject> _requests = [];
    private readonly Task _loop;
    private Reply? _last;

    public FakeChatServer(params Reply[] script)
    {
        foreach (var reply in script)
        {
            _script.Enqueue(reply);
        }
        (_listener, var port) = LoopbackListener.Start();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public IReadOnlyList<JsonObject> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests were read; false if that took longer than <paramref name="limit"/>.</summary>
    public bool WaitForRequests(int count, TimeSpan limit) => SpinWait.SpinUntil(() => Requests.Count >= count, limit);

    /// <summary>The text of every message of a request, by role ("system", "user", "assistant").</summary>
    public static IReadOnlyList<(string Role, string Content)> Messages(JsonObject request) =>
        request["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m!["content"]))).ToList();

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            // Each request on its own task, so a stalled one does not hold back the client's retry.
            _ = Task.Run(() => RespondSafelyAsync(context));
        }
    }

    private async Task RespondSafelyAsync(HttpListenerContext context)
    {
        try
        {
            await RespondAsync(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client went away (a timeout test) or the server was stopped.
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        Reply reply;
        lock (_requests)
        {
            _requests.Add(body);
            reply = _last = _script.Count > 0 ? _script.Dequeue() : _last ?? Reply.Text("");
        }
        var response = context.Response;
        if (reply.Stall)
        {
            // Never answers in time: the client gives up and closes the connection.
            await Task.Delay(TimeSpan.FromSeconds(3));
            response.Abort();
            return;
        }
        if (reply.Status != 200)
        {
            response.StatusCode = reply.Status;
            if (reply.RetryAfter is not null)
            {
                response.AddHeader("Retry-After", reply.RetryAfter);
            }
            await WriteAsync(response, "application/json", """{"error":{"message":"scripted failure","type":"server_error"}}""");
            return;
        }
        if (body["stream"]?.GetValue<bool>() == true)
        {
            var events = new StringBuilder();
            foreach (var piece in Pieces(reply.Content))
            {
                events.Append("data: ").Append(Chunk(new JsonObject { ["content"] = piece }, null)).Append("\n\n");
            }
            events.Append("data: ").Append(Chunk(new JsonObject(), "stop")).Append("\n\n");
            events.Append("data: ").Append(UsageChunk()).Append("\n\n");
            events.Append("data: [DONE]\n\n");
            await WriteAsync(response, "text/event-stream", events.ToString());
            return;
        }
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-test", ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content }, ["finish_reason"] = "stop",
            }),
            ["usage"] = Usage(),
        };
        await WriteAsync(response, "application/json", completion.ToJsonString());
    }

    // Words with their following space, so deltas arrive as a model sends them.
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i - 1] == ' ')
            {
                yield return text[start..i];
                start = i;
            }
        }
    }

    private static string Chunk(JsonObject delta, string? finish) => new JsonObject
    {
        ["id"] = "chatcmpl-test", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static string UsageChunk() => new JsonObject
    {
        ["id"] = "chatcmpl-test", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = "test-model",
        ["choices"] = new JsonArray(), ["usage"] = Usage(),
    }.ToJsonString();

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 };

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>A scripted reply: a status other than 200 fails the request, Stall never answers in time; otherwise the content is the answer.</summary>
    public sealed record Reply(int Status, string Content, bool Stall = false, string? RetryAfter = null)
    {
        public static Reply Silence() => new(200, "", Stall: true);

        public static Reply Text(string content) => new(200, content);

        public static Reply Failure(int status, string? retryAfter = null) => new(status, "", RetryAfter: retryAfter);
    }
}
