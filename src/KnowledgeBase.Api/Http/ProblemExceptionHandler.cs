using KnowledgeBase.Api.Telemetry;
using System.Text.Json;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Indexing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Api.Http;

/// <summary>
/// The one place errors become responses: every refusal and failure is a ProblemDetails (RFC 9457) whose
/// status says what went wrong; validation errors also list the field under "errors".
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ApiProblemException api => Problem(api.Status, api.Title, api.Message, api.Field),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                Problem(bad.StatusCode, "Payload too large", bad.Message, null),
            BadHttpRequestException { InnerException: JsonException json } =>
                Problem(StatusCodes.Status400BadRequest, "Invalid request", json.Message, json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body"),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Invalid request", bad.Message, null),
            AnswerValidationException invalid => Problem(StatusCodes.Status400BadRequest, "Invalid request", WithoutField(invalid), invalid.Field),
            CompareValidationException invalid => Problem(StatusCodes.Status400BadRequest, "Invalid request", invalid.Detail, invalid.Field),
            AnswerUnavailableException model => Problem(StatusCodes.Status503ServiceUnavailable, "Answer model unavailable", model.Message, null),
            IndexUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Index unavailable", unavailable.Message, null),
            ConfigurationException configuration => Problem(StatusCodes.Status503ServiceUnavailable, "Not configured", configuration.Message, null),
            IOException full when DiskFull.Is(full) => Problem(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
                $"{DiskFull.Reason}: nothing of this request was kept; try again when space has been freed", null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
            ServiceLog.Unhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "");
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal error", "The service failed; the log has the details.", null);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }
        // A client that accepts only text/event-stream (POST /api/ask) still learns why it was refused.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>Core's message starts with the field, which the problem's detail adds itself.</summary>
    private static string WithoutField(AnswerValidationException invalid) =>
        invalid.Message.StartsWith(invalid.Field + ": ", StringComparison.Ordinal) ? invalid.Message[(invalid.Field.Length + 2)..] : invalid.Message;

    private static ProblemDetails Problem(int status, string title, string detail, string? field)
    {
        if (field is null)
        {
            return new ProblemDetails { Status = status, Title = title, Detail = detail };
        }
        if (status != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails { Status = status, Title = title, Detail = $"{field}: {detail}" };
        }
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = $"{field}: {detail}",
        };
    }
}
