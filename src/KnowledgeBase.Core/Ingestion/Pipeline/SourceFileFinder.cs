namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Expands the paths given to `kb ingest` into files: folders recursively, hidden entries and metadata sidecars left out.
/// </summary>
public static class SourceFileFinder
{
    /// <summary>Returns the files found and, for each path that does not exist, a message naming it.</summary>
    public static (IReadOnlyList<SourceFile> Files, IReadOnlyList<string> Missing) Find(IEnumerable<string> paths)
    {
        var files = new List<SourceFile>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(SourceFile.FromDisk(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => !IsHidden(Path.GetRelativePath(path, f)) && !IsSidecar(f))
                    .Order(StringComparer.Ordinal)
                    .Select(SourceFile.FromDisk));
            }
            else
            {
                missing.Add($"{path}: no such file or folder");
            }
        }
        return (files.DistinctBy(f => f.Source).ToList(), missing);
    }

    /// <summary>NAME.meta.json files describe the document beside them; they are not documents.</summary>
    private static bool IsSidecar(string path) => path.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
