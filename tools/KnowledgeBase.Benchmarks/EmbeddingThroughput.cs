using System.Diagnostics;
using KnowledgeBase.Core.Embeddings;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How fast the built-in embedding model (Universal Sentence Encoder lite) embeds passage-sized chunks of real text,
/// in batches of 32 as ingestion does, and how long one short query takes.
/// Usage: embeddings [--model models/use-lite] [--corpus ../shared/corpus/text] [--count 2000] [--words 220]
/// </summary>
public static class EmbeddingThroughput
{
    private const int BatchSize = 32;

    public static int Run(string[] args)
    {
        var root = FindRepoRoot();
        var modelFolder = Option(args, "--model") ?? Path.Combine(root, "models", "use-lite");
        var corpus = Option(args, "--corpus") ?? Path.Combine(root, "..", "shared", "corpus", "text");
        var count = int.Parse(Option(args, "--count") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
        var words = int.Parse(Option(args, "--words") ?? "220", System.Globalization.CultureInfo.InvariantCulture);

        var passages = Passages(corpus, words).Take(count).ToList();
        if (passages.Count == 0)
        {
            Console.Error.WriteLine($"no .txt files with text under {Path.GetFullPath(corpus)}; pass --corpus <folder>");
            return 1;
        }
        var loading = Stopwatch.StartNew();
        using var encoder = UniversalSentenceEncoder.Load(modelFolder);
        Console.WriteLine($"model loaded in {loading.ElapsedMilliseconds} ms; {Environment.ProcessorCount} cores");

        var tokenCounts = passages.Select(p => encoder.Tokenize(p).Count).ToList();
        Console.WriteLine($"{passages.Count} passages of {words} words: {tokenCounts.Average():F0} tokens on average, " +
            $"{tokenCounts.Count(c => c > encoder.MaxTokens) * 100.0 / passages.Count:F0}% cut at {encoder.MaxTokens}");

        Embed(encoder, passages.Take(BatchSize).ToList());
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var batch in passages.Chunk(BatchSize))
        {
            Embed(encoder, batch);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuPerChunk = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / passages.Count;
        Console.WriteLine($"batches of {BatchSize}: {passages.Count / seconds:F1} chunks/s ({seconds:F1} s for {passages.Count})");
        // On a shared machine the wall clock depends on the neighbours; CPU time per chunk does not (much).
        Console.WriteLine($"cpu: {cpuPerChunk:F2} ms per chunk, i.e. {1000 * Environment.ProcessorCount / cpuPerChunk:F0} chunks/s " +
            $"with all {Environment.ProcessorCount} cores to ourselves");

        const int queries = 200;
        clock.Restart();
        for (var i = 0; i < queries; i++)
        {
            Embed(encoder, ["incident response plan for ransomware"]);
        }
        Console.WriteLine($"single short query: {clock.Elapsed.TotalMilliseconds / queries:F2} ms mean over {queries}");
        return 0;
    }

    private static void Embed(UniversalSentenceEncoder encoder, IReadOnlyList<string> texts) =>
        encoder.GenerateAsync(texts).GetAwaiter().GetResult();

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
