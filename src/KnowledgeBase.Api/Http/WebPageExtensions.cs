using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace KnowledgeBase.Api.Http;

/// <summary>
/// The page at / (wwwroot: plain HTML, CSS and ES modules, no build step) and compression of it and the API's JSON.
/// </summary>
internal static class WebPageExtensions
{
    // Only the page's own files: no inline script, no other origin, no frames of this page elsewhere.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddKnowledgeBasePage(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // The page and JSON carry no secrets mixed with attacker-chosen text in one response (BREACH needs both).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            // text/event-stream stays out: a compressing stream would hold answer deltas back until it flushes.
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "text/javascript", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    /// <summary>First in the pipeline, so that everything after it is compressed.</summary>
    public static void UseKnowledgeBasePage(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Files are not fingerprinted: the browser keeps them but asks each time (ETag, 304), so a new
                // version is never mixed with old modules.
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = PagePolicy;
                    headers[HeaderNames.XFrameOptions] = "DENY";
                    headers["Referrer-Policy"] = "same-origin";
                }
            },
        });
    }
}
