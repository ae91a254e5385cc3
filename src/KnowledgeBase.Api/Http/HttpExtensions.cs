using System.Threading.RateLimiting;
using KnowledgeBase.Api.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace KnowledgeBase.Api.Http;

/// <summary>The HTTP pipeline: ProblemDetails, CORS, rate limits, OpenAPI and its reference page.</summary>
internal static class HttpExtensions
{
    public const string SearchRateLimit = "search";
    public const string CorsPolicy = "configured-origins";

    public static void AddKnowledgeBaseHttp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (top=abc) become exceptions, so they reach the one handler and name the parameter.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        services.AddOpenApi();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<SecurityOptions>>((cors, security) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(security.Value.CorsOrigins)
                .WithMethods("GET", "POST", "DELETE")
                .WithHeaders("Content-Type", ApiKeyFilter.Header)
                .WithExposedHeaders("Location")));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
            {
                // The fixed window knows when it reopens; a client told so waits instead of retrying at once.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "too many searches from this address; wait a minute",
                    },
                });
            };
            limiter.AddPolicy(SearchRateLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SearchPerMinute;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return perMinute == 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
    }

    public static void UseKnowledgeBaseHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
    }
}
