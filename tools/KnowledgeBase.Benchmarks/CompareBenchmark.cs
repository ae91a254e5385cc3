using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How long a countries × topics comparison takes in process over an existing index: the first (cold) run, then
/// the median, 95th percentile and slowest of <c>--runs</c> more and their mean CPU time, with the machine's load
/// average beside them.
/// Usage: compare --index DIR [--countries 40] [--topics 10] [--runs 20] [--passages 3]
/// </summary>
public static class CompareBenchmark
{
    public static int Run(string[] args)
    {
        if (Option(args, "--index") is not { } path)
        {
            Console.Error.WriteLine("usage: compare --index DIR [--countries 40] [--topics 10] [--runs 20] [--passages 3]");
            return 2;
        }
        var countryCount = Number(args, "--countries") ?? 40;
        var topicCount = Number(args, "--topics") ?? 10;
        var runs = Number(args, "--runs") ?? 20;
        using var index = KeywordIndex.OpenForReading(path);
        var documents = index.ListDocuments();
        // The countries with the most documents first, so a smaller --countries still compares real rows.
        var countries = documents.Where(d => d.Metadata.CountryCode is not null)
            .GroupBy(d => d.Metadata.CountryCode!.ToUpperInvariant())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(countryCount).Select(g => g.Key).ToList();
        var topics = BuiltinTopics.All.Take(topicCount).ToList();
        var request = new CompareRequest(new CompareRows { Countries = countries }, topics, Number(args, "--passages") ?? CompareRequest.DefaultPassages);
        var service = new CompareService(index);
        Console.WriteLine($"index: {documents.Count} documents, {documents.Sum(d => d.ChunkCount)} passages; " +
            $"{countries.Count} countries ({documents.Count(d => countries.Contains(d.Metadata.CountryCode?.ToUpperInvariant() ?? ""))} documents) × {topics.Count} topics; " +
            $"{Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var clock = Stopwatch.StartNew();
        var result = service.Compare(request);
        var cold = clock.Elapsed.TotalMilliseconds;
        var verdicts = string.Join(", ", result.Cells.GroupBy(c => c.Verdict.Name()).Select(g => $"{g.Count()} {g.Key}"));
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            service.Compare(request);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        process.Refresh();
        // On a shared machine the wall clock depends on the neighbours; the CPU time of a comparison does not (much).
        var cpuPerRun = runs == 0 ? 0 : (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        times.Sort();
        Console.WriteLine($"{result.Cells.Count} cells: {verdicts}");
        Console.WriteLine("| run | ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| first (cold) | {cold:F0} |");
        if (times.Count > 0)
        {
            Console.WriteLine($"| median of {runs} | {times[times.Count / 2]:F0} |");
            Console.WriteLine($"| p95 | {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]:F0} |");
            Console.WriteLine($"| slowest | {times[^1]:F0} |");
            Console.WriteLine($"| CPU time per comparison (mean, all threads) | {cpuPerRun:F0} |");
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? Number(string[] args, string name) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
