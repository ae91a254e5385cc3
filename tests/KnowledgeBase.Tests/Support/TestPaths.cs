namespace KnowledgeBase.Tests.Support;

/// <summary>Where the repository's sample corpus and the shared read-only corpus are, seen from the test run.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The project's own public-domain sample corpus (NIST publications).</summary>
    public static string SampleCorpus(string file) => Path.Combine(RepoRoot, "corpus", file);

    /// <summary>The 96-document corpus beside the repository (../shared/corpus), read-only.</summary>
    public static string SharedCorpus(string relative) => Path.Combine(RepoRoot, "..", "shared", "corpus", relative);

    /// <summary>A file of the test project's Fixtures folder, copied beside the test assembly.</summary>
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string SharedSeed(string file) => Path.Combine(RepoRoot, "..", "shared", "seed", file);

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeBase.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("KnowledgeBase.sln not found above the test folder");
    }
}
