namespace KnowledgeBase.Core.Compare;

/// <summary>A comparison request or topics file is invalid (hosts answer 400); <see cref="Field"/> names what is wrong.</summary>
public sealed class CompareValidationException : Exception
{
    public CompareValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Detail = message;
    }

    public CompareValidationException()
        : this("body", "invalid")
    {
    }

    public CompareValidationException(string message)
        : this("body", message)
    {
    }

    public CompareValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "body";
        Detail = message;
    }

    public string Field { get; }

    /// <summary>The message without the field in front.</summary>
    public string Detail { get; }
}
