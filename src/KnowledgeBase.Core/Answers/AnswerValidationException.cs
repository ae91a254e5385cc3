namespace KnowledgeBase.Core.Answers;

/// <summary>The request is invalid (hosts answer 400); <see cref="Field"/> names the offending field.</summary>
public sealed class AnswerValidationException : Exception
{
    public AnswerValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    public AnswerValidationException()
        : this("question", "invalid")
    {
    }

    public AnswerValidationException(string message)
        : this("question", message)
    {
    }

    public AnswerValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "question";
    }

    public string Field { get; }
}
