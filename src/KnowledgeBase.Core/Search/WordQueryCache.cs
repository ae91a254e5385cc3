using System.Runtime.CompilerServices;
using BitFaster.Caching.Lru;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// The query of each word of recent questions — the word analysed for every language and asked in each language's
/// body, heading and title field with their weights — kept for the next question that uses the word. People's questions
/// share most of their words, and building a word's clauses (an analysis per language, some 20 term queries and the
/// lists holding them) was some 45 of the 152 KB a keyword search allocated (`search-profile`, 1,000 questions of
/// bench-api's shape), and the collections it set off.
/// <para>
/// A query is shared by every question that holds the word, so nothing may change a query once it is built (the
/// flattener and the highlighters copy or read; Lucene's rewrites clone before they change a boost). A word's query
/// depends on the analyzer and on the field weights, which change with the question's language and the indexed
/// fields: one cache per analyzer, keyed by the weights and the word. Bounded by <see cref="Capacity"/> words.
/// </para>
/// </summary>
internal sealed class WordQueryCache
{
    /// <summary>
    /// 4,096 words: a word's query over 7 languages' fields holds ≈3.5 KB (3,498 words of 506 varied questions), so
    /// ≈15 MB at most.
    /// </summary>
    public const int Capacity = 4096;

    private static readonly ConditionalWeakTable<Analyzer, WordQueryCache> ByAnalyzer = new();

    private readonly ConcurrentLru<(string Weights, string Word), Built> _queries = new(Capacity);

    /// <summary>The cache of the queries built with <paramref name="analyzer"/>.</summary>
    public static WordQueryCache For(Analyzer analyzer) => ByAnalyzer.GetValue(analyzer, static _ => new WordQueryCache());

    public int Count => _queries.Count;

    /// <summary>The word's query under these weights (null when the word analyses to nothing): kept, or built now.</summary>
    public Query? GetOrAdd(string weights, string word, Func<string, Query?> build) =>
        _queries.GetOrAdd((weights, word), key => new Built(build(key.Word))).Query;

    /// <summary>A built query, or null for a word every analyzer drops (a stop word), which is kept too.</summary>
    private sealed record Built(Query? Query);
}
