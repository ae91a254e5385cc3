using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How fast the configured embedding model (the built-in one unless KB__Embeddings__… say otherwise) embeds
/// passage-sized chunks of real text, with <c>--parallel</c> documents at once as ingestion does, and how long one
/// short query takes.
/// Usage: embeddings [--corpus ../shared/corpus/text] [--count 2000] [--words 220] [--max-tokens N] [--threads N] [--parallel N]
/// </summary>
public static class EmbeddingThroughput
{
    // Ingestion hands the embedder one document's passages at a time; a document of the shared corpus has ~70.
    private const int PassagesPerDocument = 64;

    public static int Run(string[] args)
    {
        var corpus = Option(args, "--corpus") ?? Path.Combine(FindRepoRoot(), "..", "shared", "corpus", "text");
        var count = Number(args, "--count") ?? 2000;
        var words = Number(args, "--words") ?? 220;
        var parallel = Number(args, "--parallel") ?? Environment.ProcessorCount;
        var options = new EmbeddingOptions
        {
            Provider = Environment.GetEnvironmentVariable("KB__Embeddings__Provider") ?? "builtin",
            ModelPath = Environment.GetEnvironmentVariable("KB__Embeddings__ModelPath"),
            MaxTokens = Number(args, "--max-tokens"),
            Threads = Number(args, "--threads") ?? 1,
        };

        var passages = Passages(corpus, words).Take(count).ToList();
        if (passages.Count == 0)
        {
            Console.Error.WriteLine($"no .txt files with text under {Path.GetFullPath(corpus)}; pass --corpus <folder>");
            return 1;
        }
        var loading = Stopwatch.StartNew();
        using var generator = EmbeddingGeneratorFactory.Create(options);
        var embedder = new PassageEmbedder(generator, options);
        Console.WriteLine($"{embedder.ModelId} loaded in {loading.ElapsedMilliseconds} ms; {Environment.ProcessorCount} cores; " +
            $"max tokens {options.Resolved().MaxTokens}, {options.Threads} thread(s) a pass, {parallel} documents at once");

        embedder.EmbedPassagesAsync(passages.Take(8).ToList(), CancellationToken.None).GetAwaiter().GetResult();
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"working set after loading and a first batch: {process.WorkingSet64 / (1024 * 1024)} MB");
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(passages.Chunk(PassagesPerDocument), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            document => embedder.EmbedPassagesAsync(document, CancellationToken.None).GetAwaiter().GetResult());
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuPerChunk = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / passages.Count;
        Console.WriteLine($"{passages.Count} passages of {words} words: {passages.Count / seconds:F1} passages/s ({seconds:F1} s)");
        // On a shared machine the wall clock depends on the neighbours; CPU time per chunk does not (much).
        Console.WriteLine($"cpu: {cpuPerChunk:F2} ms per passage, i.e. {1000 * Environment.ProcessorCount / cpuPerChunk:F0} passages/s " +
            $"with all {Environment.ProcessorCount} cores to ourselves");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MB");

        const int queries = 100;
        clock.Restart();
        for (var i = 0; i < queries; i++)
        {
            embedder.EmbedQueryAsync("incident response plan for ransomware", CancellationToken.None).GetAwaiter().GetResult();
        }
        Console.WriteLine($"single short query: {clock.Elapsed.TotalMilliseconds / queries:F2} ms mean over {queries}");
        return 0;
    }

    /// <summary>Consecutive runs of <paramref name="words"/> words from each text file, files in name order.</summary>
    private static IEnumerable<string> Passages(string folder, int words)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var tokens = File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start + words <= tokens.Length; start += words)
            {
                yield return string.Join(' ', tokens, start, words);
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int? Number(string[] args, string name) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeBase.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
