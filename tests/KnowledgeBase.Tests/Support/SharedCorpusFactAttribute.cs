namespace KnowledgeBase.Tests.Support;

/// <summary>
/// A fact that reads the third-party corpus at ../shared (ITU, NCA, GB and strategy texts we may not redistribute).
/// Where that folder is absent — a fresh clone — the test reports itself skipped with that reason instead of failing.
/// </summary>
internal sealed class SharedCorpusFactAttribute : FactAttribute
{
    public SharedCorpusFactAttribute()
    {
        Skip = SharedCorpus.SkipReason;
    }
}

/// <summary>The theory form of <see cref="SharedCorpusFactAttribute"/>.</summary>
internal sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    public SharedCorpusTheoryAttribute()
    {
        Skip = SharedCorpus.SkipReason;
    }
}

/// <summary>Whether ../shared/corpus is beside the repository.</summary>
internal static class SharedCorpus
{
    public static bool IsPresent { get; } = Directory.Exists(Path.Combine(TestPaths.RepoRoot, "..", "shared", "corpus"));

    /// <summary>Null when the corpus is present, so the test runs; otherwise why it cannot.</summary>
    public static string? SkipReason =>
        IsPresent ? null : "needs ../shared/corpus (third-party texts that may not be redistributed), absent in this clone";
}
