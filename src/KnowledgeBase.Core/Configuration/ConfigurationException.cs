namespace KnowledgeBase.Core.Configuration;

/// <summary>A setting is missing or wrong; the message starts with its configuration path ("Embeddings:ModelPath: …").</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ConfigurationException(string message) : base(message)
    {
    }

    public ConfigurationException()
    {
    }
}
