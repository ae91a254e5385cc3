using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Indexing;

/// <summary>Every dense or hybrid search asks the index for its embedding model; a commit must not hold it up.</summary>
public sealed class EmbeddingModelReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task EmbeddingModel_OfAWrittenIndex_IsReadWithoutTakingTheWritersLock()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        index.RecordModel("builtin:test-model:4");
        var writer = index.Writer!;
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // IndexWriter holds this lock while a commit writes and syncs its segments file.
        var holder = new Thread(() =>
        {
            lock (writer)
            {
                held.Set();
                release.Wait();
            }
        });
        holder.Start();
        held.Wait();
        try
        {
            var read = Task.Run(() => index.EmbeddingModel);

            // Reading IndexWriter.CommitData would wait until the lock is released (never, in this test).
            var first = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(first == read, "the read waited for the writer's lock");
            Assert.Equal("builtin:test-model:4", await read);
        }
        finally
        {
            release.Set();
            holder.Join();
        }
    }

    public void Dispose() => _temp.Dispose();
}
