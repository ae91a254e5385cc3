namespace KnowledgeBase.Core.Answers;

/// <summary>The chat model could not be reached or kept failing after retries (hosts answer 503).</summary>
public sealed class AnswerUnavailableException : Exception
{
    public AnswerUnavailableException()
        : base("The answer model is unavailable.")
    {
    }

    public AnswerUnavailableException(string message)
        : base(message)
    {
    }

    public AnswerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
