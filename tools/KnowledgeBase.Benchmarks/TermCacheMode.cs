using KnowledgeBase.Core.Search;
using Lucene.Net.Search;

namespace KnowledgeBase.Benchmarks;

/// <summary>
/// How warm the measured pass finds the term clause cache (<see cref="TermClauseCache"/>), from `--term-cache`:
/// `warm` (the default) has it filled by the warm-up pass over the same queries, so every clause is cached;
/// `fresh` empties it before the measured pass, so each query finds what the earlier queries of the pass left (a
/// new commit under traffic); `empty` empties it before every query, so nothing is reused (the cost of filling it).
/// </summary>
internal sealed class TermCacheMode(string name)
{
    public string Name { get; } = name;

    public static TermCacheMode FromArgs(string[] args)
    {
        var name = SearchProfile.Option(args, "--term-cache") ?? "warm";
        return name is "warm" or "fresh" or "empty"
            ? new TermCacheMode(name)
            : throw new ArgumentException($"--term-cache: expected warm, fresh or empty, not \"{name}\"");
    }

    public void BeforePass(IndexSearcher searcher, int pass)
    {
        if (pass > 0 && Name == "fresh")
        {
            TermClauseCache.For(searcher).Clear();
        }
    }

    public void BeforeQuery(IndexSearcher searcher, int pass)
    {
        if (pass > 0 && Name == "empty")
        {
            TermClauseCache.For(searcher).Clear();
        }
    }

    /// <summary>What the cache holds now: clauses, postings, and the memory the collector frees when it is dropped.</summary>
    public static string Describe(IndexSearcher searcher)
    {
        var cache = TermClauseCache.For(searcher);
        var (count, held) = (cache.Count, cache.Held);
        var withCache = GC.GetTotalMemory(forceFullCollection: true);
        cache.Clear();
        var without = GC.GetTotalMemory(forceFullCollection: true);
        return $"term clause cache after the pass: {count:N0} clauses, {held - count * TermClauseCache.EntryCost:N0} postings, " +
            $"{held:N0} counted against the bound of {TermClauseCache.DefaultCapacity:N0} (entries included), " +
            $"{(withCache - without) / 1048576.0:F1} MB held (GC heap with it minus without)";
    }
}
