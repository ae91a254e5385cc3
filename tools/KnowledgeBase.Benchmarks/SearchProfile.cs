using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Lucene.Net.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// Where a warm, uncached search spends its time, stage by stage (<see cref="SearchStageTimes"/>), for bm25 and
/// hybrid over one query list; then the end-to-end latency of <see cref="SearchService"/> (what `kb` and the service
/// call) as p50/p95/p99 of wall and of thread CPU time. Each pass uses a new service and question cache, so no query is
/// answered from the result cache and every hybrid question is embedded; the term clause cache is as `--term-cache` says.
/// Settings come from KB__* environment variables, as for `kb` (KB__Embeddings__Provider, KB__Search__DefaultMode…).
/// Usage: search-profile --index DIR --queries FILE.jsonl [--facets] [--top 10] [--term-cache warm|fresh|empty] (see <see cref="TermCacheMode"/>)
/// </summary>
public static class SearchProfile
{
    private const string Embedding = "query embedding (model)";
    private const string Json = "JSON of the results";

    public static int Run(string[] args)
    {
        var indexPath = Option(args, "--index");
        var queryFile = Option(args, "--queries");
        if (indexPath is null || queryFile is null || !File.Exists(queryFile))
        {
            Console.Error.WriteLine("usage: search-profile --index DIR --queries FILE.jsonl [--facets] [--top 10] [--term-cache warm|fresh|empty]");
            return 2;
        }
        var top = int.Parse(Option(args, "--top") ?? "10", CultureInfo.InvariantCulture);
        var facets = args.Contains("--facets");
        var queries = ReadQueries(queryFile);
        var settings = new ConfigurationBuilder().AddEnvironmentVariables("KB__").Build();
        var embeddingOptions = settings.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        var options = settings.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        // One model for the whole run, and a new question cache for each pass: the measured pass must embed every
        // question, as a question asked for the first time is, not take the warm-up pass's vectors.
        var generator = new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(() => EmbeddingGeneratorFactory.Create(embeddingOptions));
        PassageEmbedder NewEmbedder() => new(() => generator.Value, embeddingOptions);
        var embedder = NewEmbedder();
        using var index = KeywordIndex.OpenForReading(indexPath);
        var termCache = TermCacheMode.FromArgs(args);
        var searcher = index.Read((s, _) => s, null!); // opened for reading: the same commit throughout
        var modes = new List<SearchMode> { SearchMode.Bm25 };
        if (new SearchService(index, options, embedder).DenseUnavailable() is { } reason)
        {
            Console.Error.WriteLine($"search-profile: hybrid is not profiled: {reason.Message}");
        }
        else
        {
            modes.Add(SearchMode.Hybrid);
        }
        var request = new SearchRequest("", top) { IncludeFacets = facets };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var byMode = new Dictionary<SearchMode, List<IReadOnlyDictionary<string, double>>>();
        var cpuByMode = new Dictionary<SearchMode, List<IReadOnlyDictionary<string, double>>>();
        foreach (var mode in modes)
        {
            // The first pass warms the JIT, the page cache and the per-segment caches; the second is measured.
            for (var pass = 0; pass < 2; pass++)
            {
                termCache.BeforePass(searcher, pass);
                embedder = NewEmbedder();
                var profiles = new List<IReadOnlyDictionary<string, double>>();
                var cpuProfiles = new List<IReadOnlyDictionary<string, double>>();
                foreach (var text in queries)
                {
                    termCache.BeforeQuery(searcher, pass);
                    var stages = new SearchStageTimes(ThreadCpuTime.Milliseconds);
                    var vector = mode == SearchMode.Hybrid && embedder.Understands(QueryLanguageGuess.Guess(text))
                        ? embedder.EmbedQueryAsync(text, CancellationToken.None).GetAwaiter().GetResult()
                        : null;
                    stages.Mark(Embedding);
                    var results = index.Search(request with { Query = text, Mode = vector is null ? SearchMode.Bm25 : mode }, vector, options, stages);
                    stages.Restart();
                    JsonSerializer.Serialize(results, json);
                    stages.Mark(Json);
                    profiles.Add(stages.Milliseconds);
                    cpuProfiles.Add(stages.CpuMilliseconds);
                }
                byMode[mode] = profiles;
                if (pass == 1)
                {
                    Console.WriteLine($"{mode}: term cache {termCache.Name}; {TermCacheMode.Describe(searcher)}.");
                }
                cpuByMode[mode] = cpuProfiles;
            }
        }
        WriteBreakdown(byMode, queries.Count, facets);
        Console.WriteLine();
        WriteCpuBreakdown(cpuByMode);
        Console.WriteLine();
        WriteEndToEnd(index, NewEmbedder, options, request, queries, modes, searcher, termCache);
        return 0;
    }

    private static void WriteBreakdown(Dictionary<SearchMode, List<IReadOnlyDictionary<string, double>>> byMode, int queryCount, bool facets)
    {
        var stages = byMode.Values.SelectMany(p => p).SelectMany(p => p.Keys).Distinct().ToList();
        Console.WriteLine($"Stage breakdown, mean ms per query over {queryCount} queries (warm, no result cache; facets {(facets ? "asked" : "not asked")}):");
        Console.WriteLine();
        Console.WriteLine("| stage | bm25 ms | bm25 share | hybrid ms | hybrid share |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var totals = byMode.ToDictionary(m => m.Key, m => m.Value.Average(p => p.Values.Sum()));
        foreach (var stage in stages)
        {
            var cells = byMode.Select(m =>
            {
                var mean = m.Value.Average(p => p.GetValueOrDefault(stage));
                return $"{mean:F3} | {100 * mean / totals[m.Key]:F1}%";
            });
            Console.WriteLine($"| {stage} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine($"| **total** | {string.Join(" | ", byMode.Select(m => $"**{totals[m.Key]:F3}** | 100%"))} |");
        foreach (var (mode, profiles) in byMode)
        {
            var sums = profiles.Select(p => p.Values.Sum()).ToList();
            Console.WriteLine($"{mode}: per-query total p50 {RetrievalMetrics.Percentile(sums, 50):F2} ms, p95 {RetrievalMetrics.Percentile(sums, 95):F2} ms, p99 {RetrievalMetrics.Percentile(sums, 99):F2} ms");
        }
    }

    /// <summary>Each stage's thread CPU, mean and median: what it costs whatever else the machine is doing.</summary>
    private static void WriteCpuBreakdown(Dictionary<SearchMode, List<IReadOnlyDictionary<string, double>>> byMode)
    {
        var stages = byMode.Values.SelectMany(p => p).SelectMany(p => p.Keys).Distinct().ToList();
        Console.WriteLine("Stage breakdown, thread CPU ms per query (same passes):");
        Console.WriteLine();
        Console.WriteLine("| stage | bm25 mean | bm25 p50 | hybrid mean | hybrid p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var stage in stages)
        {
            var cells = byMode.Select(m =>
            {
                var values = m.Value.Select(p => p.GetValueOrDefault(stage)).ToList();
                return $"{values.Average():F3} | {RetrievalMetrics.Percentile(values, 50):F3}";
            });
            Console.WriteLine($"| {stage} | {string.Join(" | ", cells)} |");
        }
    }

    /// <summary>What a caller of the service sees: SearchService.SearchAsync per query, a new service per pass.</summary>
    private static void WriteEndToEnd(
        KeywordIndex index, Func<PassageEmbedder> newEmbedder, SearchOptions options, SearchRequest request, List<string> queries, List<SearchMode> modes,
        IndexSearcher searcher, TermCacheMode termCache)
    {
        Console.WriteLine($"End to end, SearchService.SearchAsync, {queries.Count} queries, top {request.Top}, warm, uncached:");
        Console.WriteLine();
        Console.WriteLine("| mode | p50 ms | p95 ms | p99 ms | mean ms | CPU p50 ms | CPU p99 ms | process CPU mean ms | KB allocated mean |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in modes)
        {
            var latencies = new List<double>();
            var cpu = new List<double>();
            var processCpu = TimeSpan.Zero;
            var allocated = 0L;
            for (var pass = 0; pass < 2; pass++)
            {
                termCache.BeforePass(searcher, pass);
                var service = new SearchService(index, options, newEmbedder());
                latencies.Clear();
                cpu.Clear();
                var processStart = Process.GetCurrentProcess().TotalProcessorTime;
                var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
                foreach (var text in queries)
                {
                    termCache.BeforeQuery(searcher, pass);
                    var cpuStart = ThreadCpuTime.Milliseconds();
                    var clock = Stopwatch.StartNew();
                    service.SearchAsync(request with { Query = text, Mode = mode }, CancellationToken.None).GetAwaiter().GetResult();
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    cpu.Add(ThreadCpuTime.Milliseconds() - cpuStart);
                }
                processCpu = Process.GetCurrentProcess().TotalProcessorTime - processStart;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
            }
            // Thread CPU misses work on other threads (the embedding model's); the process's counts every thread. Each
            // kilobyte allocated brings the next garbage collection nearer: under load, collections pause every search.
            Console.WriteLine($"| {mode.ToString().ToLowerInvariant()} | {RetrievalMetrics.Percentile(latencies, 50):F2} | {RetrievalMetrics.Percentile(latencies, 95):F2} | " +
                $"{RetrievalMetrics.Percentile(latencies, 99):F2} | {latencies.Average():F2} | {RetrievalMetrics.Percentile(cpu, 50):F2} | " +
                $"{RetrievalMetrics.Percentile(cpu, 99):F2} | {processCpu.TotalMilliseconds / queries.Count:F2} | " +
                $"{allocated / 1024.0 / queries.Count:F0} |");
        }
    }

    internal static List<string> ReadQueries(string file) =>
        File.ReadLines(file)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("query").GetString()!)
            .ToList();

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
