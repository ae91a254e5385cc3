namespace KnowledgeBase.Core.Ingestion;

/// <summary>A file that cannot be ingested for a reason the user can act on; the message is that reason.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(string reason) : base(reason)
    {
    }

    public DocumentRejectedException(string reason, Exception innerException) : base(reason, innerException)
    {
    }

    public DocumentRejectedException()
    {
    }
}
