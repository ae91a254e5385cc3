namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// Reports on the calling thread, one report at a time; Progress&lt;T&gt; would post to the thread pool and lines
/// could come out of order or after the summary.
/// </summary>
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
