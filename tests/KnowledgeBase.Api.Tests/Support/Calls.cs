using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeBase.Api.Tests.Support;

/// <summary>What the tests do through HTTP: upload, wait for a job, search, read JSON.</summary>
internal static class Calls
{
    public static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    public static MultipartFormDataContent FilesOnDisk(params string[] paths) =>
        Files(paths.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))).ToArray());

    /// <summary>Uploads, checks the 202 and its Location, and returns the job's URL.</summary>
    public static async Task<string> UploadAsync(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/api/documents", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.Matches("/api/jobs/[0-9a-f]{32}$", location);
        return location;
    }

    /// <summary>Polls a job until it is finished; the generous limit only stops a hung test.</summary>
    public static Task<JsonNode> WaitForJobAsync(HttpClient client, string location) =>
        WaitForJobAsync(client, location, job => job["state"]!.GetValue<string>() is "completed" or "failed");

    /// <summary>Polls a job until the condition holds; the generous limit only stops a hung test.</summary>
    public static async Task<JsonNode> WaitForJobAsync(HttpClient client, string location, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await GetJsonAsync(client, location);
            if (condition(job))
            {
                return job;
            }
            Assert.True(DateTime.UtcNow < deadline, $"job did not get there: {job.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public static async Task<string> IngestAsync(HttpClient writer, params string[] paths)
    {
        var job = await WaitForJobAsync(writer, await UploadAsync(writer, FilesOnDisk(paths)));
        var file = job["files"]![0]!;
        Assert.Equal("succeeded", file["state"]!.GetValue<string>());
        return file["documentId"]!.GetValue<string>();
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> SearchAsync(HttpClient client, string query) =>
        await GetJsonAsync(client, $"/api/search?{query}");

    public static IEnumerable<string> HitDocuments(JsonNode results) =>
        results["hits"]!.AsArray().Select(h => h!["documentId"]!.GetValue<string>());

    /// <summary>The ProblemDetails of a refused request, after checking its status and media type.</summary>
    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static StringContent Json(object body) => JsonContent(JsonSerializer.Serialize(body));

    public static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
