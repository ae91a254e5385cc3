using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>Jobs are persisted: a restart resumes unfinished ones and never ingests a file twice.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly string Html = TestPaths.RepoRoot + "/tests/KnowledgeBase.Tests/Fixtures/cisa-style-guidance.html";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Job_accepted_before_a_restart_runs_after_it_and_only_once()
    {
        string location;
        using (var paused = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:PauseIngestion"] = "true" }))
        using (var writer = paused.CreateWriter())
        {
            location = await Calls.UploadAsync(writer, Calls.FilesOnDisk(Html));
            Assert.Equal("queued", (await Calls.GetJsonAsync(writer, location))["state"]!.GetValue<string>());
        }

        string ingestedAt;
        using (var resumed = ApiHost.In(_folder))
        using (var client = resumed.CreateClient())
        {
            var job = await Calls.WaitForJobAsync(client, location);
            Assert.Equal("succeeded", job["files"]![0]!["state"]!.GetValue<string>());
            ingestedAt = await OnlyDocumentIngestedAt(client);
        }

        using var again = ApiHost.In(_folder);
        using var reader = again.CreateClient();
        Assert.Equal("completed", (await Calls.GetJsonAsync(reader, location))["state"]!.GetValue<string>());
        Assert.Equal(ingestedAt, await OnlyDocumentIngestedAt(reader));
    }

    [Fact]
    public async Task Crash_between_commit_and_job_record_resumes_to_the_same_document_without_reingesting()
    {
        string location, documentId, ingestedAt;
        using (var host = ApiHost.In(_folder))
        using (var writer = host.CreateWriter())
        {
            location = await Calls.UploadAsync(writer, Calls.FilesOnDisk(Html));
            documentId = (await Calls.WaitForJobAsync(writer, location))["files"]![0]!["documentId"]!.GetValue<string>();
            ingestedAt = await OnlyDocumentIngestedAt(writer);
        }
        SimulateCrashAfterCommit(location.Split('/')[^1]);

        using var restarted = ApiHost.In(_folder);
        using var client = restarted.CreateClient();
        var job = await Calls.WaitForJobAsync(client, location);

        var file = job["files"]![0]!;
        Assert.Equal("succeeded", file["state"]!.GetValue<string>());
        Assert.Equal(documentId, file["documentId"]!.GetValue<string>());
        Assert.Equal(ingestedAt, await OnlyDocumentIngestedAt(client));
    }

    /// <summary>
    /// What disk looks like when the process dies after the index commit but before the job file is updated:
    /// the job and its file still "running", the upload still in its folder.
    /// </summary>
    private void SimulateCrashAfterCommit(string jobId)
    {
        var path = _folder.Combine("data", "jobs", jobId + ".json");
        var job = JsonNode.Parse(File.ReadAllText(path))!;
        job["state"] = "running";
        job["finishedAt"] = null;
        var file = job["files"]![0]!;
        file["state"] = "running";
        file["documentId"] = null;
        var stored = file["storedPath"]!.GetValue<string>();
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        File.Copy(Html, stored);
        File.WriteAllText(path, job.ToJsonString());
    }

    private static async Task<string> OnlyDocumentIngestedAt(HttpClient client)
    {
        var documents = await Calls.GetJsonAsync(client, "/api/documents");
        Assert.Equal(1, documents["total"]!.GetValue<int>());
        return documents["items"]![0]!["ingestedAt"]!.GetValue<string>();
    }

    public void Dispose() => _folder.Dispose();
}
