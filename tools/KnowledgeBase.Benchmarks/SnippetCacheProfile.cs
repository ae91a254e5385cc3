using System.Globalization;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Search.Evaluation;
using Microsoft.Extensions.Configuration;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// What <see cref="AnalysedPassageCache"/> (and <see cref="ShownPassageCache"/> beside it) saves, as bm25 searches' thread CPU for "snippets and highlighting" and
/// for the whole search: a pass over the queries to warm the JIT and the page cache, then the cache emptied, then a
/// cold pass (every passage analysed the first time it is shown) and a warm pass (the same queries again), and what
/// the caches hold after them (the heap held is both caches'). Settings come from KB__* environment variables, as for search-profile.
/// Usage: snippet-cache --index DIR --queries FILE.jsonl [--facets] [--top 10]
/// </summary>
public static class SnippetCacheProfile
{
    private const string Snippets = "snippets and highlighting";

    public static int Run(string[] args)
    {
        var indexPath = SearchProfile.Option(args, "--index");
        var queryFile = SearchProfile.Option(args, "--queries");
        if (indexPath is null || queryFile is null || !File.Exists(queryFile))
        {
            Console.Error.WriteLine("usage: snippet-cache --index DIR --queries FILE.jsonl [--facets] [--top 10]");
            return 2;
        }
        var top = int.Parse(SearchProfile.Option(args, "--top") ?? "10", CultureInfo.InvariantCulture);
        var queries = SearchProfile.ReadQueries(queryFile);
        var settings = new ConfigurationBuilder().AddEnvironmentVariables("KB__").Build();
        var options = settings.GetSection(SearchOptions.SectionName).Get<SearchOptions>() ?? new SearchOptions();
        var request = new SearchRequest("", top) { IncludeFacets = args.Contains("--facets"), Mode = SearchMode.Bm25 };
        using var index = KeywordIndex.OpenForReading(indexPath);
        var cache = AnalysedPassageCache.Shared;

        Pass(index, options, request, queries);
        cache.Clear();
        ShownPassageCache.Shared.Clear();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"bm25, {queries.Count} queries, top {top}, facets {(request.IncludeFacets ? "asked" : "not asked")}; thread CPU ms per query:");
        Console.WriteLine();
        Console.WriteLine("| pass | snippets mean | snippets p50 | total mean | total p50 | passages cached | tokens cached | cache MB (its count) | shown passages cached | heap held MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // A query with a phrase or a prefix (quotes, a hyphenated word, a trailing *) has weights that depend on where
        // its words stand: exact phrases are worked out from the cached tokens, anything else keeps Lucene's highlighter.
        var positional = index.Read((_, catalog) => queries.Select(text => HighlightTermWeights.Of(
            KeywordQueryBuilder.Build(text, index.QueryAnalyzer, null, catalog.IndexedFields).TextQuery, LanguageFields.Field(IndexFields.Body, "en")) is null).ToList(), []);
        var warm = new List<double>();
        foreach (var name in new[] { "cold (cache empty)", "warm (same queries again)" })
        {
            var (snippets, totals) = Pass(index, options, request, queries);
            warm = snippets;
            var held = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
            Console.WriteLine($"| {name} | {snippets.Average():F3} | {RetrievalMetrics.Percentile(snippets, 50):F3} | {totals.Average():F3} | " +
                $"{RetrievalMetrics.Percentile(totals, 50):F3} | {cache.Count} | {cache.TokenCount} | {cache.Bytes / 1048576.0:F1} | {ShownPassageCache.Shared.Count} | {held:F1} |");
        }
        var slow = warm.Where((_, i) => positional[i]).ToList();
        Console.WriteLine();
        Console.WriteLine($"{slow.Count} of {queries.Count} queries have a phrase or a prefix (positional weights): warm snippets mean " +
            $"{(slow.Count > 0 ? slow.Average() : 0):F3} ms, {(slow.Count > 0 ? slow.Sum() / warm.Sum() : 0):P0} of all warm snippet time.");
        return 0;
    }

    private static (List<double> Snippets, List<double> Totals) Pass(KeywordIndex index, SearchOptions options, SearchRequest request, List<string> queries)
    {
        var (snippets, totals) = (new List<double>(), new List<double>());
        foreach (var text in queries)
        {
            var stages = new SearchStageTimes(ThreadCpuTime.Milliseconds);
            index.Search(request with { Query = text }, null, options, stages);
            snippets.Add(stages.CpuMilliseconds.GetValueOrDefault(Snippets));
            totals.Add(stages.CpuMilliseconds.Values.Sum());
        }
        return (snippets, totals);
    }
}
