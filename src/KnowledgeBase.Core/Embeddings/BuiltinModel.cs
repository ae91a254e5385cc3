namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// Where the built-in model is when no Embeddings:ModelPath is set: models/use-lite in the application folder (the
/// container image), else in the nearest folder above the application or the working directory that has one (a
/// source checkout, where tools/fetch-model.sh puts it).
/// </summary>
public static class BuiltinModel
{
    public const string FolderName = "use-lite";

    public static string? Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "models", FolderName);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
