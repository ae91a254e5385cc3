namespace KnowledgeBase.Core.Indexing;

/// <summary>The index folder cannot be opened (locked by another writer, or unreadable); the message says which.</summary>
public class IndexUnavailableException : Exception
{
    public IndexUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public IndexUnavailableException(string message) : base(message)
    {
    }

    public IndexUnavailableException()
    {
    }
}
