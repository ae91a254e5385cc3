namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>A file to ingest: where to read it, and the source name it is known by in the index.</summary>
public sealed record SourceFile(string Path, string Source)
{
    public static SourceFile FromDisk(string path) => new(path, System.IO.Path.GetFullPath(path));
}
