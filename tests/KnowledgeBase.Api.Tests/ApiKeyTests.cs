using System.Net;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>Writes need a configured key in X-Api-Key; two keys are valid at once so one can be rotated.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private ApiHost RotatingHost(bool readRequiresKey = false) => ApiHost.In(_folder, new Dictionary<string, string?>
    {
        ["KnowledgeBase:Security:ApiKeys:0"] = ApiHost.OldKey,
        ["KnowledgeBase:Security:ApiKeys:1"] = ApiHost.Key,
        ["KnowledgeBase:Security:ReadRequiresKey"] = readRequiresKey ? "true" : "false",
    });

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key-0123456789-abcdef", HttpStatusCode.Unauthorized)]
    [InlineData(ApiHost.OldKey, HttpStatusCode.Accepted)]
    [InlineData(ApiHost.Key, HttpStatusCode.Accepted)]
    public async Task Upload_is_accepted_only_with_one_of_the_configured_keys(string? key, HttpStatusCode expected)
    {
        using var host = RotatingHost();
        using var client = host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        using var response = await client.PostAsync("/api/documents", Calls.Files(("note.txt", "A short note about incident response."u8.ToArray())));

        if (expected == HttpStatusCode.Accepted)
        {
            Assert.Equal(expected, response.StatusCode);
        }
        else
        {
            await Calls.ProblemAsync(response, expected);
            Assert.Empty(Directory.EnumerateFiles(_folder.Combine("data", "jobs")));
        }
    }

    [Fact]
    public async Task Delete_and_reindex_need_a_key_but_reads_do_not_by_default()
    {
        using var host = RotatingHost();
        using var client = host.CreateClient();

        await Calls.ProblemAsync(await client.DeleteAsync("/api/documents/0123456789abcdef"), HttpStatusCode.Unauthorized);
        await Calls.ProblemAsync(await client.PostAsync("/api/reindex", null), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=incident")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task Reads_need_a_key_when_configured_so()
    {
        using var host = RotatingHost(readRequiresKey: true);
        using var anonymous = host.CreateClient();
        using var writer = host.CreateWriter();

        await Calls.ProblemAsync(await anonymous.GetAsync("/api/search?q=incident"), HttpStatusCode.Unauthorized);
        await Calls.ProblemAsync(await anonymous.GetAsync("/api/jobs"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/api/search?q=incident")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Without_configured_keys_writes_are_refused_for_everyone()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:Security:ApiKeys:0"] = null });
        using var client = host.CreateWriter();

        var problem = await Calls.ProblemAsync(await client.PostAsync("/api/reindex", null), HttpStatusCode.Forbidden);

        Assert.Contains("KnowledgeBase:Security:ApiKeys", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_with_a_key_runs_as_a_job()
    {
        using var host = RotatingHost();
        using var writer = host.CreateWriter();
        await Calls.IngestAsync(writer, TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html");

        using var response = await writer.PostAsync("/api/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await Calls.WaitForJobAsync(writer, response.Headers.Location!.ToString());

        Assert.Equal("completed", job["state"]!.GetValue<string>());
        Assert.Equal("reindexed 1 documents", job["message"]!.GetValue<string>());
    }

    public void Dispose() => _folder.Dispose();
}
