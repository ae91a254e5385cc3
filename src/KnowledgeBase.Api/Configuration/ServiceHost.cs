namespace KnowledgeBase.Api.Configuration;

/// <summary>
/// How the service starts wherever it is started from: its content (wwwroot, appsettings.json) is read from the
/// application's own folder, not from the current directory; the standard ways to choose addresses
/// (ASPNETCORE_URLS, --urls, Urls, ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints) win over the default address.
/// </summary>
internal static class ServiceHost
{
    /// <summary>Where the service listens when nothing else is configured: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        // The request lines ASP.NET Core logs carry the query string, where a client may wrongly put its X-Api-Key:
        // they are never logged, whatever the configured levels. Metrics and traces keep routes, not query strings.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
