using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using KnowledgeBase.Api.Http;
using KnowledgeBase.Api.Telemetry;
using KnowledgeBase.Core.Answers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// /api/ask: an answer citing its passages, as one JSON document or, with Accept: text/event-stream, as server-sent
/// events "sources" (once), "delta" (text as it is written), then "done" (the validated answer) or "error".
/// </summary>
internal static class AskEndpoints
{
    public const string EventStream = "text/event-stream";

    public static void MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask")
            .WithTags("Answers")
            .RequireReadKey()
            .RequireRateLimiting(HttpExtensions.SearchRateLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/", AskAsync).WithName("Ask").WithSummary("Answer a question with cited passages (JSON or text/event-stream)");
    }

    public static async Task<Results<Ok<Answer>, ServerSentEventsResult<object>>> AskAsync(
        AskBody? body, HttpRequest request, AnswerService answers, ILogger<AnswerService> logger, CancellationToken cancellationToken)
    {
        var question = AskBinding.Request(RequestBinding.Body(body));
        if (WantsEvents(request))
        {
            // StreamAsync checks the request before the first event, so a bad question is still a 400 problem.
            var events = answers.StreamAsync(question, cancellationToken);
            return TypedResults.ServerSentEvents(ToItemsAsync(events, logger, request.Path, cancellationToken));
        }
        return TypedResults.Ok(Public(await answers.AskAsync(question, cancellationToken)));
    }

    /// <summary>Citations name the file a passage came from by its leaf name: the server's folders are nobody's business.</summary>
    private static Answer Public(Answer answer) =>
        answer with
        {
            Citations = Public(answer.Citations),
            Sources = Public(answer.Sources),
            ByCountry = answer.ByCountry.Select(p => p with { Citations = Public(p.Citations) }).ToList(),
        };

    private static List<Citation> Public(IReadOnlyList<Citation> citations) =>
        citations.Select(c => c with { Source = Path.GetFileName(c.Source) }).ToList();

    private static bool WantsEvents(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Once the stream has started its status is sent, so a failure can only be told as an "error" event; the log
    /// keeps the exception.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<object>> ToItemsAsync(
        IAsyncEnumerable<AnswerEvent> events, ILogger logger, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = events.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            SseItem<object> item;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
                item = ToItem(enumerator.Current);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                ServiceLog.Unhandled(logger, ex, HttpMethods.Post, path);
                item = new SseItem<object>(new AskError(ex is AnswerUnavailableException ? ex.Message : "The service failed; the log has the details."), "error");
            }
            yield return item;
            if (item.EventType == "error")
            {
                yield break;
            }
        }
    }

    private static SseItem<object> ToItem(AnswerEvent e) => e.Kind switch
    {
        AnswerEventKind.Sources => new SseItem<object>(new AskSources(Public(e.Sources ?? [])), "sources"),
        AnswerEventKind.TextDelta => new SseItem<object>(new AskDelta(e.Delta ?? ""), "delta"),
        AnswerEventKind.Done => new SseItem<object>(Public(e.Answer!), "done"),
        _ => new SseItem<object>(new AskError(e.Error ?? "The answer failed."), "error"),
    };
}
