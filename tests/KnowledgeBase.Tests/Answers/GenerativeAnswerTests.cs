using System.Diagnostics;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;
using static KnowledgeBase.Tests.Answers.FakeChatServer;

namespace KnowledgeBase.Tests.Answers;

public sealed class GenerativeAnswerTests : IDisposable
{
    private const string Question = "What are the phases of incident response?";
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public GenerativeAnswerTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        AnswerFixtures.AddIncidentDocuments(_index);
    }

    [Fact]
    public async Task Ask_ValidMarkers_BecomeCitationsOfTheNumberedPassages()
    {
        using var server = new FakeChatServer(Reply.Text("Incident response runs through four phases [1]. Teams share indicators [2]."));

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.Equal(AnswerKind.Generated, answer.Kind);
        Assert.Equal([1, 2], answer.Citations.Select(c => c.Marker));
        Assert.All(answer.Citations, c => Assert.Equal(answer.Sources[c.Marker - 1].DocumentId, c.DocumentId));
        Assert.Equal(0, answer.RemovedMarkers);
        Assert.False(answer.Flagged);
        Assert.Equal(120, answer.Usage?.TotalTokens);
        Assert.StartsWith($"/api/documents/{answer.Citations[0].DocumentId}/file#page=", answer.Citations[0].Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_MarkersBeyondThePassages_AreRemovedAndCounted()
    {
        using var server = new FakeChatServer(Reply.Text("Four phases [1]. Indicators are shared [9]. Coordination matters [2, 7]."));

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.Equal(3, answer.Sources.Count);
        Assert.Equal(2, answer.RemovedMarkers);
        Assert.DoesNotContain("[9]", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("7]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Indicators are shared.", answer.Text, StringComparison.Ordinal);
        Assert.Equal([1, 2], answer.Citations.Select(c => c.Marker));
        Assert.False(answer.Flagged);
    }

    [Fact]
    public async Task Ask_NoValidMarkerLeft_IsFlagged()
    {
        using var server = new FakeChatServer(Reply.Text("Incident response has phases [9]."));

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.True(answer.Flagged);
        Assert.Empty(answer.Citations);
        Assert.Equal(1, answer.RemovedMarkers);
    }

    [Fact]
    public async Task Ask_ModelSaysNotFound_IsNotFoundAndNotFlagged()
    {
        using var server = new FakeChatServer(Reply.Text("The answer was not found in the knowledge base."));

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.False(answer.Flagged);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Stream_SendsSourcesThenDeltasThenValidatedAnswer()
    {
        const string reply = "Four phases [1]. Sharing helps [9].";
        using var server = new FakeChatServer(Reply.Text(reply));

        var events = new List<AnswerEvent>();
        await foreach (var e in AnswerFixtures.WithModel(_index, server).StreamAsync(new AnswerRequest(Question), CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal(AnswerEventKind.Sources, events[0].Kind);
        Assert.Equal(3, events[0].Sources!.Count);
        var deltas = events.Skip(1).SkipLast(1).ToList();
        Assert.True(deltas.Count > 1);
        Assert.All(deltas, d => Assert.Equal(AnswerEventKind.TextDelta, d.Kind));
        Assert.Equal(reply, string.Concat(deltas.Select(d => d.Delta)));
        var done = events[^1];
        Assert.Equal(AnswerEventKind.Done, done.Kind);
        Assert.Equal("Four phases [1]. Sharing helps.", done.Answer!.Text);
        Assert.Equal(1, done.Answer.RemovedMarkers);
        Assert.Equal([1], done.Answer.Citations.Select(c => c.Marker));
        Assert.Equal(120, done.Answer.Usage?.TotalTokens);
        Assert.True(server.Requests.Single()["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ask_FollowUp_FirstAsksTheModelForAStandaloneQuestionAndSearchesWithIt()
    {
        const string standalone = "How does a national CIRT coordinate incident response?";
        using var server = new FakeChatServer(Reply.Text(standalone), Reply.Text("It coordinates across agencies [1]."));
        var request = new AnswerRequest("and who does it work with?")
        {
            History = [new ChatTurn("user", "What is a national CIRT for?"), new ChatTurn("assistant", "It coordinates incident response [1].")],
        };

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(request, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        var rewrite = string.Join('\n', FakeChatServer.Messages(server.Requests[0]).Select(m => m.Content));
        Assert.Contains("What is a national CIRT for?", rewrite, StringComparison.Ordinal);
        Assert.Contains("and who does it work with?", rewrite, StringComparison.Ordinal);
        Assert.Equal(standalone, answer.SearchedQuestion);
        Assert.Contains(standalone, FakeChatServer.Messages(server.Requests[1]).Single(m => m.Role == "user").Content, StringComparison.Ordinal);
        Assert.Equal(240, answer.Usage?.TotalTokens);
    }

    [Fact]
    public async Task Ask_ModelKeepsFailing_RetriesThenThrowsAnswerUnavailable()
    {
        using var server = new FakeChatServer(Reply.Failure(503));

        await Assert.ThrowsAsync<AnswerUnavailableException>(() =>
            AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Ask_ModelTimesOut_RetriesThenThrowsAnswerUnavailable()
    {
        using var server = new FakeChatServer(Reply.Silence());

        await Assert.ThrowsAsync<AnswerUnavailableException>(() =>
            AnswerFixtures.WithModel(_index, server, o => (o.Timeout, o.MaxRetries) = (TimeSpan.FromMilliseconds(300), 1))
                .AskAsync(new AnswerRequest(Question), CancellationToken.None));

        // The server logs a request once it has read it, which on a busy machine can trail the client's give-up.
        Assert.True(server.WaitForRequests(2, TimeSpan.FromSeconds(10)), $"requests seen: {server.Requests.Count}");
    }

    [Fact]
    public async Task Ask_RateLimitedOnce_RetriesAndAnswers()
    {
        using var server = new FakeChatServer(Reply.Failure(429), Reply.Text("Four phases [1]."));

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.Equal(AnswerKind.Generated, answer.Kind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Ask_RateLimitedWithRetryAfter_WaitsAsTheServerAsksThenAnswers()
    {
        using var server = new FakeChatServer(Reply.Failure(429, retryAfter: "2"), Reply.Text("Four phases [1]."));
        var clock = Stopwatch.StartNew();

        var answer = await AnswerFixtures.WithModel(_index, server).AskAsync(new AnswerRequest(Question), CancellationToken.None);

        // The fixture's own back-off is 10 ms: only the server's Retry-After makes the client wait two seconds. A lower
        // bound only, which a slow machine cannot break.
        Assert.Equal(AnswerKind.Generated, answer.Kind);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Ask_ModelDownWithExtractiveFallback_AnswersFromThePassages()
    {
        using var server = new FakeChatServer(Reply.Failure(500));

        var answer = await AnswerFixtures.WithModel(_index, server, o => o.Fallback = "extractive")
            .AskAsync(new AnswerRequest(Question), CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Contains(answer.Citations, c => c.Passage.Contains("detection and analysis", StringComparison.Ordinal));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Stream_ModelDownWithoutFallback_EndsWithAnErrorEvent()
    {
        using var server = new FakeChatServer(Reply.Failure(502));

        var events = new List<AnswerEvent>();
        await foreach (var e in AnswerFixtures.WithModel(_index, server).StreamAsync(new AnswerRequest(Question), CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal([AnswerEventKind.Sources, AnswerEventKind.Error], events.Select(e => e.Kind));
        Assert.Equal(3, server.Requests.Count);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
