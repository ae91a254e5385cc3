using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.JetStream;

namespace KnowledgeBase.Tests.Cluster;

/// <summary>What the cluster tests share: connections to real servers, the real pipeline, index comparisons.</summary>
internal static class ClusterTestKit
{
    /// <summary>The pipeline as `kb ingest` composes it, with the built-in embedding model and without OCR (tested elsewhere).</summary>
    public static ServiceProvider WithModel { get; } = new ServiceCollection()
        .AddKnowledgeBase(new EmbeddingOptions(), ocr: new OcrOptions { Enabled = false }).BuildServiceProvider();

    /// <summary>The pipeline without embeddings, for tests about the log rather than the vectors.</summary>
    public static ServiceProvider KeywordsOnly { get; } = new ServiceCollection()
        .AddKnowledgeBase(new EmbeddingOptions { Provider = "none" }, ocr: new OcrOptions { Enabled = false }).BuildServiceProvider();

    /// <summary>Connects, retrying while a new cluster still elects its JetStream leader.</summary>
    public static async Task<ClusterConnection> ConnectAsync(string urls, int replicas = 1, TimeSpan? workAckWait = null, int snapshotEvery = 0)
    {
        var options = new ClusterOptions { Nats = urls, Replicas = replicas, WorkAckWait = workAckWait ?? TimeSpan.FromSeconds(60), SnapshotEvery = snapshotEvery };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await ClusterConnection.ConnectAsync(options, CancellationToken.None);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>BM25 queries over the Languages fixtures, for comparing nodes' indexes.</summary>
    public static readonly (string Query, float[]? Vector)[] LanguageQueries = [("national strategy", null), ("incident", null), ("controls", null)];

    /// <summary>
    /// Appends a put of the Languages fixture <paramref name="name"/> (message id "put-NAME"), embedded by the model of
    /// <paramref name="services"/> (default: none), and returns it.
    /// </summary>
    public static async Task<IndexOperation> AppendFixtureAsync(IndexLog log, string name, ServiceProvider? services = null)
    {
        var put = await LogReplicationTests.PutAsync(TestPaths.Fixture(Path.Combine("Languages", name)), services);
        await log.AppendAsync(put, $"put-{name}", CancellationToken.None);
        return put;
    }

    /// <summary>Removes the log's entries before <paramref name="sequence"/>, as a stream limit or a compaction does.</summary>
    public static async Task PurgeLogBeforeAsync(ClusterConnection cluster, long sequence)
    {
        var stream = await cluster.JetStream.GetStreamAsync(ClusterConnection.LogStream);
        await stream.PurgeAsync(new NATS.Client.JetStream.Models.StreamPurgeRequest { Seq = (ulong)sequence });
    }

    /// <summary>Runs a node on the index until it has applied the log's <paramref name="entries"/> entries, then stops it.</summary>
    public static async Task<LogApplier> ApplyAllAsync(ClusterConnection cluster, KeywordIndex index, long entries)
    {
        var node = new LogApplier(cluster, index);
        using var stop = new CancellationTokenSource();
        var following = node.RunAsync(stop.Token);
        await WaitForCatchUpAsync(cluster, node, entries, TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await following;
        return node;
    }

    /// <summary>Runs a node on the index until it stops following the log by itself (a fault); fails after two minutes.</summary>
    public static async Task<LogApplier> RunUntilFaultAsync(ClusterConnection cluster, KeywordIndex index)
    {
        var node = new LogApplier(cluster, index);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the node stopped following by itself");
        return node;
    }

    public static ClusterWorker Worker(ClusterConnection cluster, ServiceProvider services, Microsoft.Extensions.Logging.ILogger<ClusterWorker>? logger = null) =>
        new(cluster, services.GetRequiredService<IngestionRunner>(), TimeProvider.System, logger);

    /// <summary>Waits until the condition holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the node has applied everything the log holds and the log holds at least <paramref name="entries"/>.</summary>
    public static Task WaitForCatchUpAsync(ClusterConnection cluster, LogApplier node, long entries, TimeSpan timeout) =>
        WaitUntilAsync(async () =>
        {
            long last;
            try
            {
                last = await cluster.LastLogSequenceAsync(CancellationToken.None);
            }
            catch (NatsJSApiNoResponseException)
            {
                // A server was lost and the log's stream is electing a new leader: ask again.
                return false;
            }
            return last >= entries && node.AppliedSequence == last;
        }, timeout, $"the node applied {entries} log entries");

    /// <summary>
    /// What must be equal between two indexes of the same documents: each document's record (but the time it was
    /// ingested), the passages (their count and every passage's text through the hits), the vectors, and the ranked
    /// hits of the queries.
    /// </summary>
    public static IReadOnlyList<string> Describe(KeywordIndex index, IReadOnlyList<(string Query, float[]? Vector)> queries)
    {
        var lines = index.ListDocuments()
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"doc {r.Id} {r.Source} {r.ContentHash} {r.Title} pages={r.PageCount} chunks={r.ChunkCount} index-chunks={index.CountChunks(r.Id)} model={r.EmbeddingModel} lang={r.Language}")
            .ToList();
        lines.Add($"vectors {index.CountVectors()} model {index.EmbeddingModel}");
        foreach (var (query, vector) in queries)
        {
            var mode = vector is null ? SearchMode.Bm25 : SearchMode.Hybrid;
            var results = index.Search(new SearchRequest(query, 10) { Mode = mode }, vector);
            lines.AddRange(results.Hits.Select((h, rank) => $"{query} #{rank + 1} {h.DocumentId} {h.ChunkOrdinal} {h.Clause} p{h.PageStart}-{h.PageEnd} {h.Score:F4}"));
        }
        return lines;
    }
}
