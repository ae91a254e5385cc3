using System.Diagnostics;
using KnowledgeBase.Core.Cluster;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// `cluster-lag NATS_URL [N]`: replica lag, the time from a write's acknowledgement by JetStream to its visibility
/// in another node's index (its own connection, its own index on disk), for N one-passage documents with a
/// 384-dimension vector, written one after another. `search-latency QUERIES INDEX…`: BM25 search latency per index.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunLagAsync(string[] args)
    {
        var url = args[1];
        var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100;
        var folder = Path.Combine(Path.GetTempPath(), "kb-bench-lag", Guid.NewGuid().ToString("n")[..12]);
        await using var writer = await ClusterConnection.ConnectAsync(new ClusterOptions { Nats = url }, CancellationToken.None);
        await using var reader = await ClusterConnection.ConnectAsync(new ClusterOptions { Nats = url }, CancellationToken.None);
        using var index = KeywordIndex.OpenForWriting(folder);
        var node = new LogApplier(reader, index);
        using var stop = new CancellationTokenSource();
        var following = node.RunAsync(stop.Token);
        var log = new IndexLog(writer);
        var lags = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var put = Document(i);
            var sequence = await log.AppendAsync(put, Guid.NewGuid().ToString("n"), CancellationToken.None);
            var acknowledged = Stopwatch.GetTimestamp();
            if (!await node.WaitForAsync(sequence, TimeSpan.FromSeconds(30), CancellationToken.None))
            {
                Console.Error.WriteLine($"entry {sequence} not applied within 30 s");
                return 1;
            }
            lags.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
        }
        await stop.CancelAsync();
        await following;
        lags.Sort();
        Console.WriteLine($"| replica lag, {count} puts | p50 {Percentile(lags, 0.50):F1} ms | p99 {Percentile(lags, 0.99):F1} ms | max {lags[^1]:F1} ms |");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    public static int RunSearchLatency(string[] args)
    {
        var queries = File.ReadLines(args[1])
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("query").GetString()!)
            .ToList();
        foreach (var path in args[2..])
        {
            using var index = KeywordIndex.OpenForReading(path);
            foreach (var query in queries.Take(20))
            {
                index.Search(new SearchRequest(query) { Mode = SearchMode.Bm25 });
            }
            var times = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                foreach (var query in queries)
                {
                    var started = Stopwatch.GetTimestamp();
                    index.Search(new SearchRequest(query) { Mode = SearchMode.Bm25 });
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            times.Sort();
            Console.WriteLine($"| {path} | {times.Count} searches | p50 {Percentile(times, 0.50):F2} ms | p99 {Percentile(times, 0.99):F2} ms |");
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static IndexOperation Document(int i)
    {
        var text = $"Replica lag probe {i}: incident response teams share indicators with their national CSIRT.";
        var vector = new float[384];
        vector[i % 384] = 1;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        var record = new DocumentRecord
        {
            Id = hash[..16], Source = $"probe/{i}.txt", Title = $"Probe {i}", MediaType = "text/plain", ContentHash = hash,
            SizeBytes = text.Length, PageCount = 1, ChunkCount = 1, IngestedAt = DateTimeOffset.UtcNow, EmbeddingModel = "probe",
        };
        var extracted = new ExtractedDocument { Text = text, MediaType = "text/plain", Pages = [new PageSpan(1, 0, text.Length)] };
        Chunk chunk = new() { Ordinal = 0, Text = text, Start = 0, End = text.Length, PageStart = 1, PageEnd = 1, Embedding = vector };
        return IndexOperation.Put(record, extracted, [chunk]);
    }
}
