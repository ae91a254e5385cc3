using KnowledgeBase.Api.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Api.Http;

/// <summary>Puts <see cref="ApiKeyFilter"/> on an endpoint or group.</summary>
internal static class ApiKeyExtensions
{
    /// <summary>Upload, delete, reindex: a valid key is always needed.</summary>
    public static TBuilder RequireWriteKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(Create(forWrites: true));

    /// <summary>Search and reads: a key is needed only when the service is configured so.</summary>
    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(Create(forWrites: false));

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Create(bool forWrites) =>
        (context, next) => new ApiKeyFilter(
            context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>(), forWrites).InvokeAsync(context, next);
}
