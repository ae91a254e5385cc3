using System.Collections.Concurrent;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Search;

/// <summary>Searches run one per core at most; the others wait their turn in the order they came.</summary>
public sealed class SearchTurnsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task MoreSearchesThanCores_RunOnePerCore_AndTheRestInArrivalOrder()
    {
        using var index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        var model = new HeldEmbeddingGenerator(TestModels.Builtin);
        var search = new SearchService(index, new SearchOptions(), TestModels.Embedder(new CountingEmbeddingGenerator(model)));
        var cores = Environment.ProcessorCount;
        var queries = Enumerable.Range(1, 3 * cores).Select(i => $"national incident response team number {i}").ToList();

        var searches = queries.Select(q => search.SearchAsync(new SearchRequest(q) { Mode = SearchMode.Hybrid }, CancellationToken.None)).ToList();
        var startedAtOnce = model.Started.Count;
        model.Release(queries.Count);
        await Task.WhenAll(searches);

        Assert.Equal(cores, startedAtOnce);
        Assert.Equal(cores, model.MostAtOnce);
        Assert.Equal(queries, model.Started);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A real model whose calls wait until the test lets them through, noting the order they began in.</summary>
    private sealed class HeldEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        private readonly SemaphoreSlim _gate = new(0);
        private int _running;
        private int _mostAtOnce;

        public ConcurrentQueue<string> Started { get; } = new();

        public int MostAtOnce => _mostAtOnce;

        public void Release(int count) => _gate.Release(count);

        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            list.ForEach(Started.Enqueue);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            try
            {
                await _gate.WaitAsync(cancellationToken);
                return await base.GenerateAsync(list, options, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, current) == current)
                {
                    return;
                }
            }
        }
    }
}
