namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>A sidecar metadata file that cannot be used; the message names the file and, where there is one, the field.</summary>
public sealed class SidecarMetadataException : Exception
{
    public SidecarMetadataException()
    {
    }

    public SidecarMetadataException(string message)
        : base(message)
    {
    }

    public SidecarMetadataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SidecarMetadataException(string file, string? field, string problem, Exception? innerException = null)
        : base(field is null ? $"{file}: {problem}" : $"{file}: field \"{field}\": {problem}", innerException)
    {
        File = file;
        Field = field;
    }

    /// <summary>The sidecar's file name.</summary>
    public string? File { get; }

    /// <summary>The JSON field at fault, as written in the file; null when the file as a whole is unreadable.</summary>
    public string? Field { get; }
}
