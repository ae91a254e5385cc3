using System.Collections.Concurrent;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The one ordered writer of an index: every change (ingest, replace, delete, reindex, re-embed) is an operation run
/// here on one thread, in the order it was submitted, staged and committed before the next one starts. Lucene's
/// IndexWriter accepts changes from any thread but commits whatever any of them has staged, so without this a
/// commit could carry half of a reindex, and a reindex listed before a delete could write the deleted document back.
/// (Elasticsearch orders a shard's operations the same way, by sequence number on its primary.)
/// </summary>
internal sealed class IndexWriteQueue : IDisposable
{
    private readonly BlockingCollection<Action> _operations = new();
    private readonly Thread _thread;

    public IndexWriteQueue()
    {
        _thread = new Thread(RunOperations) { IsBackground = true, Name = "index writer" };
        _thread.Start();
    }

    /// <summary>Runs the operation after every one submitted before it, and waits for its result.</summary>
    public T Run<T>(Func<T> operation)
    {
        if (Thread.CurrentThread == _thread)
        {
            return operation();
        }
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _operations.Add(() =>
            {
                try
                {
                    result.SetResult(operation());
                }
                catch (Exception ex)
                {
                    result.SetException(ex);
                }
            });
        }
        catch (InvalidOperationException ex)
        {
            throw new ObjectDisposedException("The index has been closed.", ex);
        }
        return result.Task.GetAwaiter().GetResult();
    }

    private void RunOperations()
    {
        foreach (var operation in _operations.GetConsumingEnumerable())
        {
            operation();
        }
    }

    /// <summary>Lets every submitted operation finish, then stops the thread.</summary>
    public void Dispose()
    {
        _operations.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
        _operations.Dispose();
    }
}
