using System.Text.Json.Nodes;
using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Web.Tests.Support;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 with a small corpus ingested on first start: the repository's NIST PDFs,
/// an Arabic text and a text that contains a script tag. Shared by the read-only page tests of one class, because
/// ingesting the PDFs takes most of a minute on the test machine; no test changes it.
/// </summary>
public sealed class ServedCorpus : IAsyncLifetime, IDisposable
{
    public const string ArabicText =
        "الأمن السيبراني للبنية التحتية الحرجة\n\n" +
        "يجب على كل جهة وطنية أن تنشئ فريقا للاستجابة للحوادث السيبرانية وأن تختبر خطط الاستجابة مرة كل عام. " +
        "تشمل الاستجابة للحوادث الكشف والتحليل والاحتواء والتعافي.";

    public const string ScriptMarkup = "<script>alert(1)</script>";

    private readonly TempFolder _folder = new();
    private ApiHost? _host;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var pdf in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "corpus"), "*.pdf"))
        {
            _folder.Copy(pdf, Path.Combine("corpus", Path.GetFileName(pdf)));
        }
        _folder.Write("corpus/arabic-cyber-strategy.txt", ArabicText);
        _folder.Write("corpus/markup-advisory.txt",
            $"Markup advisory\n\nThe scanner reported the string {ScriptMarkup} inside a vendor bulletin about patching.");
        _host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:CorpusPath"] = _folder.Combine("corpus") }, kestrel: true);
        Client = _host.CreateClient();
        BaseAddress = Client.BaseAddress!;
        var seed = Assert.Single((await Calls.GetJsonAsync(Client, "/api/jobs")).AsArray())!;
        var job = await Calls.WaitForJobAsync(Client, $"/api/jobs/{seed["id"]}");
        Assert.All(job["files"]!.AsArray(), f => Assert.Equal("succeeded", f!["state"]!.GetValue<string>()));
    }

    public async Task<JsonNode> DocumentNamedAsync(string fileName)
    {
        var list = await Calls.GetJsonAsync(Client, "/api/documents?top=50");
        foreach (var item in list["items"]!.AsArray())
        {
            var detail = await Calls.GetJsonAsync(Client, item!["link"]!.GetValue<string>());
            if (detail["fileName"]!.GetValue<string>() == fileName)
            {
                return detail;
            }
        }
        throw new InvalidOperationException($"{fileName} was not ingested");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Client?.Dispose();
        _host?.Dispose();
        _folder.Dispose();
    }
}
