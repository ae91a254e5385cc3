using System.Net;
using KnowledgeBase.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Api.Tests.Support;

/// <summary>
/// The real service in-process, on its own data folder (index, jobs, originals) with no corpus unless given.
/// Settings use the configuration keys an operator would set. With <c>kestrel</c> it listens on 127.0.0.1 at a free port.
/// </summary>
internal sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0123456789-abcdef";
    public const string OldKey = "old-key-0123456789-abcdef";

    private readonly Dictionary<string, string?> _settings;

    public ApiHost(string dataPath, IDictionary<string, string?>? settings = null, bool kestrel = false)
    {
        _settings = new Dictionary<string, string?>
        {
            ["KnowledgeBase:DataPath"] = dataPath,
            ["KnowledgeBase:CorpusPath"] = "",
            ["KnowledgeBase:Security:ApiKeys:0"] = Key,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // null leaves a default out (no API key at all), rather than setting it empty.
            if (value is null)
            {
                _settings.Remove(key);
            }
            else
            {
                _settings[key] = value;
            }
        }
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public static ApiHost In(TempFolder folder, IDictionary<string, string?>? settings = null, bool kestrel = false) =>
        new(folder.Combine("data"), settings, kestrel);

    /// <summary>Replaces services after the service's own composition: a seam such as a disk that fills up.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>A client that sends the write key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
