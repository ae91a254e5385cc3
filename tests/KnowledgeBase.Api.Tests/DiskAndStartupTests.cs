using System.Net;
using KnowledgeBase.Api.Storage;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Api.Tests;

/// <summary>A full disk fails the work that hit it, never the host; what a crash leaves behind is cleaned up.</summary>
public sealed class DiskAndStartupTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FillingDisk _disk = new();

    [Fact]
    public async Task An_upload_on_a_full_disk_is_a_507_that_keeps_nothing_and_search_goes_on()
    {
        using var host = Host();
        using var writer = host.CreateWriter();
        _disk.FillAfter(0);

        using var response = await writer.PostAsync("/api/documents", Calls.Files(("note.txt", "Incident response teams share indicators."u8.ToArray())));

        var problem = await Calls.ProblemAsync(response, HttpStatusCode.InsufficientStorage);
        Assert.Contains("disk is full", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Path, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Combine("data", "uploads")));
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("data", "jobs"), "*.json"));
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/api/search?q=incident")).StatusCode);
    }

    [Fact]
    public async Task A_job_that_finds_the_disk_full_waits_while_search_goes_on_and_finishes_when_space_returns()
    {
        using var host = Host(("KnowledgeBase:DiskFullRetrySeconds", "1"));
        using var writer = host.CreateWriter();
        _disk.FillAfter(1); // the job is stored; its first change of state finds the disk full

        var location = await Calls.UploadAsync(writer, Calls.Files(("note.txt", "Incident response teams share indicators of compromise."u8.ToArray())));
        var waiting = await Calls.WaitForJobAsync(writer, location, job => job["message"]?.GetValue<string>().Contains("disk is full", StringComparison.Ordinal) == true);

        Assert.Equal("queued", waiting["state"]!.GetValue<string>());
        Assert.DoesNotContain(_folder.Path, waiting.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/api/search?q=incident")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/health/live")).StatusCode);

        _disk.Free();
        var job = await Calls.WaitForJobAsync(writer, location);

        Assert.Equal("completed", job["state"]!.GetValue<string>());
        Assert.Equal("succeeded", job["files"]![0]!["state"]!.GetValue<string>());
        Assert.NotEmpty(Calls.HitDocuments(await Calls.SearchAsync(writer, "q=indicators+of+compromise")));
    }

    [Fact]
    public void Upload_folders_that_no_job_owns_are_removed_at_start()
    {
        var orphan = Directory.CreateDirectory(_folder.Combine("data", "uploads", "0123456789abcdef0123456789abcdef", "0"));
        File.WriteAllText(Path.Combine(orphan.FullName, "half.txt"), "An upload cut off by a crash.");

        using var host = Host();
        using var client = host.CreateClient();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Combine("data", "uploads")));
    }

    [Fact]
    public async Task A_duplicate_is_reported_by_file_name_without_the_server_path()
    {
        using var host = Host();
        using var writer = host.CreateWriter();
        var content = "Incident response teams share indicators of compromise."u8.ToArray();

        var job = await Calls.WaitForJobAsync(writer, await Calls.UploadAsync(writer, Calls.Files(("a.txt", content), ("b.txt", content))));

        var reason = job["files"]!.AsArray().Single(f => f!["state"]!.GetValue<string>() == "skipped-duplicate")!["reason"]!.GetValue<string>();
        Assert.Matches(@"^same content as [ab]\.txt$", reason);
    }

    public void Dispose() => _folder.Dispose();

    private ApiHost Host(params (string Key, string Value)[] settings) =>
        new(_folder.Combine("data"), settings.ToDictionary(s => s.Key, s => (string?)s.Value))
        {
            TestServices = services => services.AddSingleton<StateFileWriter>(_disk),
        };
}
