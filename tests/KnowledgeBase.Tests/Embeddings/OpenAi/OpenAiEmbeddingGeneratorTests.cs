using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.OpenAi;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Embeddings.OpenAi;

public sealed class OpenAiEmbeddingGeneratorTests : IDisposable
{
    private const string Key = "sk-test-4d1f9e";

    private readonly FakeEmbeddingServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Vectors_arrive_in_input_order_in_batches_of_BatchSize()
    {
        string[] texts = ["first passage", "second", "a third, longer passage", "four", "fifth and last"];
        using var generator = Create(new EmbeddingOptions { BatchSize = 2 });

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal(texts.Length, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(FakeEmbeddingServer.VectorFor(texts[i]), embeddings[i].Vector.ToArray());
        }
        Assert.Equal([2, 2, 1], _server.Requests.Select(r => r.Inputs.Length));
        Assert.Equal(texts, _server.Requests.SelectMany(r => r.Inputs));
        Assert.Equal(texts.Sum(t => t.Length), embeddings.Usage?.InputTokenCount);
    }

    [Fact]
    public async Task Requests_carry_the_key_the_model_and_the_wire_path()
    {
        using var generator = Create(new EmbeddingOptions());

        await generator.GenerateAsync(["text"]);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal($"Bearer {Key}", request.Authorization);
        Assert.Equal("test-embedder", request.Model);
        Assert.Equal("base64", request.Format);
        Assert.Null(request.Dimensions);
    }

    [Fact]
    public async Task Dimensions_are_asked_for_and_honoured()
    {
        using var generator = Create(new EmbeddingOptions { Dimensions = 3 });

        var embeddings = await generator.GenerateAsync(["short"]);

        Assert.Equal(3, Assert.Single(_server.Requests).Dimensions);
        Assert.Equal(FakeEmbeddingServer.VectorFor("short", 3), embeddings[0].Vector.ToArray());
        Assert.Equal(3, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task Query_and_passage_prefixes_are_sent_to_the_server()
    {
        using var generator = Create(new EmbeddingOptions { QueryPrefix = "query: ", PassagePrefix = "passage: " });

        var query = await generator.GenerateAsync(["zero trust"], EmbeddingInput.Query());
        await generator.GenerateAsync(["zero trust"], EmbeddingInput.Passage());

        Assert.Equal(["query: zero trust", "passage: zero trust"], _server.Requests.SelectMany(r => r.Inputs));
        Assert.Equal(FakeEmbeddingServer.VectorFor("query: zero trust"), query[0].Vector.ToArray());
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_then_succeeds()
    {
        _server.FailNext(429, retryAfter: "1");
        using var generator = Create(new EmbeddingOptions { MaxRetries = 3 });

        var embeddings = await generator.GenerateAsync(["patient"]);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(FakeEmbeddingServer.VectorFor("patient"), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task A_persistent_500_gives_up_after_MaxRetries_attempts_naming_endpoint_and_status()
    {
        _server.AlwaysFail = 500;
        using var generator = Create(new EmbeddingOptions { MaxRetries = 3 });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(["doomed"]));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains(_server.Endpoint, error.Message);
        Assert.Contains("500", error.Message);
        Assert.Contains("3 attempts", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_then_reported_as_no_answer()
    {
        var closed = _server.Endpoint;
        _server.Dispose();
        using var generator = OpenAiEmbeddingGenerator.Create(
            new EmbeddingOptions { Endpoint = closed, Model = "m", ApiKey = Key, MaxRetries = 2 },
            httpClient: null,
            retryDelay: TimeSpan.FromMilliseconds(10));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(["anyone there?"]));

        Assert.Contains(closed, error.Message);
        Assert.Contains("2 attempts", error.Message);
        Assert.Contains("no answer", error.Message);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        _server.FailNext(400);
        using var generator = Create(new EmbeddingOptions { MaxRetries = 4 });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(["malformed"]));

        Assert.Single(_server.Requests);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_server_answering_floats_when_base64_was_asked_still_works()
    {
        _server.IgnoreEncodingFormat = true;
        using var generator = Create(new EmbeddingOptions());

        var embeddings = await generator.GenerateAsync(["ollama style"]);

        Assert.Equal(FakeEmbeddingServer.VectorFor("ollama style"), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public void Metadata_names_the_provider_and_the_model()
    {
        using var generator = Create(new EmbeddingOptions());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal("test-embedder", metadata.DefaultModelId);
    }

    [Fact]
    public void Missing_endpoint_or_model_names_the_key()
    {
        var endpoint = Assert.Throws<InvalidOperationException>(
            () => OpenAiEmbeddingGenerator.Create(new EmbeddingOptions { Model = "m" }));
        var model = Assert.Throws<InvalidOperationException>(
            () => OpenAiEmbeddingGenerator.Create(new EmbeddingOptions { Endpoint = _server.Endpoint }));

        Assert.StartsWith("Embeddings:Endpoint:", endpoint.Message);
        Assert.StartsWith("Embeddings:Model:", model.Message);
    }

    private OpenAiEmbeddingGenerator Create(EmbeddingOptions options)
    {
        options.Endpoint = _server.Endpoint;
        options.Model = "test-embedder";
        options.ApiKey = Key;
        return OpenAiEmbeddingGenerator.Create(options, httpClient: null, retryDelay: TimeSpan.FromMilliseconds(10));
    }
}
