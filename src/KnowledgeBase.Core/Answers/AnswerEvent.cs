namespace KnowledgeBase.Core.Answers;

/// <summary>
/// One event of a streamed answer, ready to be written as a server-sent event named after <see cref="Kind"/>.
/// Text deltas are the raw model output; the Done event's <see cref="Answer"/> holds the validated text (bad
/// markers removed) and the final citations, and a client should show that text once it arrives.
/// </summary>
public sealed record AnswerEvent(AnswerEventKind Kind)
{
    public IReadOnlyList<Citation>? Sources { get; init; }

    public string? Delta { get; init; }

    public Answer? Answer { get; init; }

    public string? Error { get; init; }

    public static AnswerEvent ForSources(IReadOnlyList<Citation> sources) => new(AnswerEventKind.Sources) { Sources = sources };

    public static AnswerEvent ForDelta(string delta) => new(AnswerEventKind.TextDelta) { Delta = delta };

    public static AnswerEvent ForDone(Answer answer) => new(AnswerEventKind.Done) { Answer = answer };

    public static AnswerEvent ForError(string message) => new(AnswerEventKind.Error) { Error = message };
}
