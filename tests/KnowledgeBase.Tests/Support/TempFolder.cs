namespace KnowledgeBase.Tests.Support;

/// <summary>A fresh folder per test, removed afterwards, so no test sees another's index or files.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-tests", Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Creates a sub-folder and returns its path.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public string Write(string relativePath, string text)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Copy(string source, string relativePath)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.Copy(source, path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child process may still hold a file for a moment; the OS temp cleaner will get it.
        }
    }
}
