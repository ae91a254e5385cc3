using System.Net;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>What a user or an unlucky operator does never loses data or takes the service down.</summary>
public sealed class IntegrityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_query_longer_than_the_limit_is_a_400_naming_the_limit()
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();
        var longQuery = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"w{i}"));

        var problem = await Calls.ProblemAsync(await Calls.PostJsonAsync(client, "/api/search", new { q = longQuery }), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["q"]);
        Assert.Contains("2000 characters", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("w1499", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/ask")]
    public async Task A_null_json_body_is_a_problem_400(string url)
    {
        using var host = ApiHost.In(_folder);
        using var client = host.CreateClient();

        var problem = await Calls.ProblemAsync(await client.PostAsync(url, Calls.JsonContent("null")), HttpStatusCode.BadRequest);

        Assert.Equal("body: give a JSON object", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parallel_deletes_of_one_document_answer_one_204_and_404_for_the_rest()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        var documentId = await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => writer.DeleteAsync($"/api/documents/{documentId}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task Reindex_with_embeddings_rebuilds_the_vectors_over_http()
    {
        using var host = ApiHost.In(_folder);
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        using var response = await Calls.PostJsonAsync(writer, "/api/reindex", new { embeddings = true });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Calls.WaitForJobAsync(writer, response.Headers.Location!.ToString());

        Assert.Equal("reindex-embeddings", job["kind"]!.GetValue<string>());
        Assert.Equal("completed", job["state"]!.GetValue<string>());
        Assert.Equal("reindexed 1 documents", job["message"]!.GetValue<string>());
    }

    public void Dispose() => _folder.Dispose();
}
