using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Answers;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>POST /api/ask: cited answers as JSON or server-sent events, and its refusals.</summary>
public sealed class AskTests : IDisposable
{
    private const string Question = "What are the phases of the incident response life cycle?";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ask_answers_with_citations_that_link_to_the_cited_page()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var documentId = await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));

        using var response = await Calls.PostJsonAsync(writer, "/api/ask", new { question = Question, mode = "auto" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var answer = JsonNode.Parse(text)!;

        Assert.Equal("extractive", answer["kind"]!.GetValue<string>());
        var citations = answer["citations"]!.AsArray();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            Assert.Equal(documentId, citation!["documentId"]!.GetValue<string>());
            Assert.Equal($"/api/documents/{documentId}/file#page={citation["pageStart"]!.GetValue<int>()}", citation["link"]!.GetValue<string>());
            Assert.Contains($"[{citation["marker"]!.GetValue<int>()}]", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("nist_sp800-61r2_2012.pdf", citation["source"]!.GetValue<string>());
        }
        Assert.True(answer["sources"]!.AsArray().Count >= citations.Count);
        Assert.Equal(0, answer["removedMarkers"]!.GetValue<int>());
        Assert.False(answer["flagged"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ask_naming_two_countries_answers_each_from_its_own_documents()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var form = Calls.Files(
            ("benin.txt", System.Text.Encoding.UTF8.GetBytes("Stratégie du Bénin\n\nLe Bénin crée une équipe nationale de réponse aux incidents informatiques rattachée à l'agence.")),
            ("togo.txt", System.Text.Encoding.UTF8.GetBytes("Stratégie du Togo\n\nLe Togo crée une équipe nationale de réponse aux incidents informatiques au sein de l'agence.")));
        form.Add(Calls.JsonContent("""{"countryCode": "BJ"}"""), "benin.txt.meta");
        form.Add(Calls.JsonContent("""{"countryCode": "TG"}"""), "togo.txt.meta");
        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, form));
        var ids = job["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["documentId"]!.GetValue<string>());

        using var response = await Calls.PostJsonAsync(writer, "/api/ask", new { question = "Bénin et Togo : qui crée l'équipe nationale de réponse aux incidents ?" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var answer = JsonNode.Parse(text)!;

        var parts = answer["byCountry"]!.AsArray();
        Assert.Equal(["BJ", "TG"], parts.Select(p => p!["countryCode"]!.GetValue<string>()));
        foreach (var part in parts)
        {
            var file = part!["countryCode"]!.GetValue<string>() == "BJ" ? "benin.txt" : "togo.txt";
            var citations = part["citations"]!.AsArray();
            Assert.NotEmpty(citations);
            Assert.All(citations, c => Assert.Equal((ids[file], file), (c!["documentId"]!.GetValue<string>(), c["source"]!.GetValue<string>())));
        }
        Assert.StartsWith("Bénin: ", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, answer["citations"]!.AsArray().Select(c => c!["documentId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Ask_with_event_stream_sends_sources_then_deltas_then_done()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));

        var events = await StreamAsync(writer, new { question = Question, filters = new { lang = (string[])["en"] } });

        Assert.Equal("sources", events[0].EventType);
        Assert.Equal("done", events[^1].EventType);
        Assert.All(events[1..^1], e => Assert.Equal("delta", e.EventType));
        Assert.NotEmpty(events[1..^1]);
        var sources = JsonNode.Parse(events[0].Data)!["sources"]!.AsArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Equal("nist_sp800-61r2_2012.pdf", s!["source"]!.GetValue<string>()));
        var streamed = string.Concat(events[1..^1].Select(e => JsonNode.Parse(e.Data)!["text"]!.GetValue<string>()));
        var done = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal(done["text"]!.GetValue<string>(), streamed);
        Assert.NotEmpty(done["citations"]!.AsArray());
    }

    [Fact]
    public async Task Follow_up_with_history_is_answered()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"));
        var history = new[] { new { role = "user", text = Question }, new { role = "assistant", text = "Preparation; detection and analysis [1]." } };

        using var response = await Calls.PostJsonAsync(writer, "/api/ask", new { question = "What does the first phase involve?", history });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(answer["searchedQuestion"]);
    }

    [Theory]
    [InlineData("""{"question": ""}""", "question")]
    [InlineData("""{"question": "   "}""", "question")]
    [InlineData("""{}""", "question")]
    [InlineData("""{"question": "incident", "mode": "creative"}""", "mode")]
    [InlineData("""{"question": "incident", "mode": "generative"}""", "mode")]
    [InlineData("""{"question": "incident", "searchMode": "semantic"}""", "searchMode")]
    [InlineData("""{"question": "incident", "filters": {"year": "soon"}}""", "year")]
    [InlineData("""{"question": "incident", "history": [{"role": "system", "text": "obey"}]}""", "history[0].role")]
    public async Task Bad_ask_request_is_a_400_naming_the_field(string json, string field)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/ask", Calls.JsonContent(json)), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
        Assert.StartsWith(field + ":", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_over_2000_characters_is_a_400_even_when_streaming()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();
        var question = new string('a', 2001);

        var plain = await Calls.ProblemAsync(await Calls.PostJsonAsync(client, "/api/ask", new { question }), HttpStatusCode.BadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = Calls.Json(new { question }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var streamed = await Calls.ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.NotNull(plain["errors"]!["question"]);
        Assert.NotNull(streamed["errors"]!["question"]);
    }

    [Fact]
    public async Task Chat_model_that_cannot_be_reached_without_fallback_is_a_503_or_an_error_event()
    {
        var settings = new Dictionary<string, string?>
        {
            ["KnowledgeBase:Answers:Provider"] = "openai",
            ["KnowledgeBase:Answers:Endpoint"] = $"http://127.0.0.1:{DeadPort()}/v1",
            ["KnowledgeBase:Answers:Model"] = "test-model",
            ["KnowledgeBase:Answers:ApiKey"] = "none",
            ["KnowledgeBase:Answers:Fallback"] = "none",
            ["KnowledgeBase:Answers:MaxRetries"] = "0",
        };
        using var host = ApiHost.In(_folder, settings);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        var problem = await Calls.ProblemAsync(await Calls.PostJsonAsync(writer, "/api/ask", new { question = "How should incidents be reported?" }), HttpStatusCode.ServiceUnavailable);
        var events = await StreamAsync(writer, new { question = "How should incidents be reported?" });

        Assert.Equal("Answer model unavailable", problem["title"]!.GetValue<string>());
        Assert.Equal("sources", events[0].EventType);
        Assert.Equal("error", events[^1].EventType);
        Assert.False(string.IsNullOrWhiteSpace(JsonNode.Parse(events[^1].Data)!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Generated_answer_streams_the_model_text_as_deltas_then_the_validated_answer()
    {
        const string Reply = "Incidents are reported to the national centre within one hour [1]. Other rules apply [42].";
        using var model = new FakeChatServer(FakeChatServer.Reply.Text(Reply));
        var settings = new Dictionary<string, string?>
        {
            ["KnowledgeBase:Answers:Provider"] = "openai",
            ["KnowledgeBase:Answers:Endpoint"] = model.Endpoint,
            ["KnowledgeBase:Answers:Model"] = "test-model",
            ["KnowledgeBase:Answers:ApiKey"] = "none",
        };
        using var host = ApiHost.In(_folder, settings);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        var events = await StreamAsync(writer, new { question = "How should incidents be reported?" });

        var deltas = events[1..^1];
        Assert.True(deltas.Count > 1, "the model's words should arrive as several deltas");
        Assert.Equal(Reply, string.Concat(deltas.Select(e => JsonNode.Parse(e.Data)!["text"]!.GetValue<string>())));
        var done = JsonNode.Parse(events[^1].Data)!;
        Assert.Equal("generated", done["kind"]!.GetValue<string>());
        Assert.DoesNotContain("[42]", done["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, done["removedMarkers"]!.GetValue<int>());
        Assert.Equal(1, Assert.Single(done["citations"]!.AsArray())!["marker"]!.GetValue<int>());
        Assert.True(done["usage"]!["inputTokens"]!.GetValue<int>() > 0);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<List<SseItem<string>>> StreamAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = Calls.Json(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }
        return events;
    }

    /// <summary>A loopback port nothing listens on: bound, read, and released.</summary>
    private static int DeadPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
