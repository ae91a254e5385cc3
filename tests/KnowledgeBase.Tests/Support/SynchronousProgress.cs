namespace KnowledgeBase.Tests.Support;

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts later), so a test sees every report once the run returns.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _lock = new();

    public void Report(T value)
    {
        lock (_lock)
        {
            report(value);
        }
    }
}
