using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace KnowledgeBase.Core.Embeddings.Onnx;

/// <summary>
/// Threads that run passage embedding at a lower CPU priority (Linux nice 10), so that when a search and ingestion
/// both want the cores the search goes first. Searches embed their question on their own thread at normal priority;
/// ingestion's passes shared the cores with them equally, and a hybrid search waited behind them. Where the priority
/// cannot be lowered (another system, or a limit) the threads run at normal priority.
/// </summary>
/// <remarks>
/// A thread's nice value passes to every thread it starts, and cannot be lowered again without privilege. Completing a
/// task queues its continuation on the thread pool, and the thread that queues may be the one that starts a new pool
/// worker; so the low-priority threads never complete a task themselves: one thread at normal priority does.
/// </remarks>
internal sealed class LowPriorityThreads
{
    // Nice values run from -20 (first) to 19 (last); 10 leaves searches far ahead without starving ingestion.
    private const int Niceness = 10;
    private const int PriorityOfProcess = 0;

    private readonly BlockingCollection<Action> _work = [];
    private readonly BlockingCollection<Action> _completions = [];

    /// <summary>One thread per core: as many passes as ingestion can run side by side.</summary>
    public static LowPriorityThreads Shared { get; } = new(Environment.ProcessorCount);

    public LowPriorityThreads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            new Thread(Work) { IsBackground = true, Name = "kb-low-priority" }.Start();
        }
        new Thread(Complete) { IsBackground = true, Name = "kb-low-priority-completions" }.Start();
    }

    /// <summary>Runs <paramref name="work"/> on one of the threads; its result or exception comes back through the task.</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _completions.Add(() => done.SetCanceled(cancellationToken));
                return;
            }
            try
            {
                var result = work();
                _completions.Add(() => done.SetResult(result));
            }
            catch (Exception e)
            {
                _completions.Add(() => done.SetException(e));
            }
        }, cancellationToken);
        return done.Task;
    }

    private void Work()
    {
        if (OperatingSystem.IsLinux())
        {
            // On Linux the nice value belongs to the thread, and "0" names the calling one. Raising it needs no
            // privilege; a failure only leaves this thread at normal priority.
            _ = SetPriority(PriorityOfProcess, 0, Niceness);
        }
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    private void Complete()
    {
        foreach (var complete in _completions.GetConsumingEnumerable())
        {
            complete();
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
