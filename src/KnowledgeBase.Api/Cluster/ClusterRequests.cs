using System.Globalization;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Cluster;

namespace KnowledgeBase.Api.Cluster;

/// <summary>
/// What every request meets in cluster mode: <c>?minSequence=N</c> waits (at most <see cref="ClusterOptions.MaxReadWait"/>)
/// until this node has applied log entry N, so a client reads its own writes on any node; every answer says how far
/// the node has applied the log (<c>Kb-Applied-Sequence</c>); and the single-process write routes are sent to
/// their cluster forms (307 keeps the method and body), since a local write would make this node differ.
/// </summary>
internal sealed class ClusterRequests(RequestDelegate next, LogApplier applier, ClusterOptions options)
{
    public const string AppliedHeader = "Kb-Applied-Sequence";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (Redirect(request) is { } target)
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = target + request.QueryString;
            return;
        }
        if (request.Path.StartsWithSegments("/api/reindex"))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Conflict",
                "reindexing is not available in cluster mode: every node's index comes from the index log");
        }
        if (request.Query.TryGetValue("minSequence", out var value))
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
            {
                throw ApiProblemException.Invalid("minSequence", "minSequence must be a log sequence number (0 or more)");
            }
            if (!await applier.WaitForAsync(minimum, options.MaxReadWait, context.RequestAborted))
            {
                context.Response.Headers.RetryAfter = "1";
                throw ApiProblemException.Unavailable($"this node has applied the index log up to {applier.AppliedSequence}, not yet {minimum}");
            }
        }
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[AppliedHeader] = applier.AppliedSequence.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static string? Redirect(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path.TrimEnd('/') == "/api/documents")
        {
            return "/api/cluster/documents";
        }
        if (HttpMethods.IsDelete(request.Method) && path.StartsWith("/api/documents/", StringComparison.Ordinal))
        {
            return "/api/cluster" + path["/api".Length..];
        }
        if (HttpMethods.IsGet(request.Method) && path.StartsWith("/api/jobs/", StringComparison.Ordinal) && path.Length > "/api/jobs/".Length)
        {
            return "/api/cluster" + path["/api".Length..];
        }
        return null;
    }
}
