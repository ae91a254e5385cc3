namespace KnowledgeBase.Core.Answers;

/// <summary>The stream of an answer: Sources once, TextDelta any number of times, then Done or Error.</summary>
public enum AnswerEventKind
{
    Sources,
    TextDelta,
    Done,
    Error,
}
