using System.Collections.Concurrent;
using System.Text.Json;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Results of searches asked more than once, valid until the next commit changes the index: a portal's popular
/// questions are asked again and again, and a repeat costs a dictionary lookup instead of a query over every language's
/// fields. Requests that arrive together for the same search share one computation rather than all running it.
/// <para>
/// A search is kept only when its key was asked before (<see cref="SeenBefore"/>). Most questions are asked once, and
/// keeping each of them (about 60 KB of hits and snippets) made every one survive a garbage collection or two before
/// the cache was cleared: under 50 clients asking distinct questions, gen-1 grew by some 10 MB a collection and a
/// gen-0 pause took 18 ms instead of 10 (`tools/bench-api.sh` with `dotnet-counters`).
/// </para>
/// </summary>
internal sealed class SearchResultCache(int capacity = 2048)
{
    /// <summary>Keys asked recently, by hash, one slot each: a collision only forgets a key, so it is kept a search later.</summary>
    private const int SeenSlots = 16_384;

    private readonly ConcurrentDictionary<string, (long Version, Lazy<Task<SearchResults>> Results)> _entries = new();
    private readonly int[] _seen = new int[SeenSlots];

    public static string KeyOf(SearchRequest request) => JsonSerializer.Serialize(request);

    public async Task<SearchResults> GetOrAddAsync(string key, long version, Func<Task<SearchResults>> search)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            return await Results(key, entry);
        }
        // Wholesale clearing keeps the cache simple; with a commit every few seconds it rarely fills anyway.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        var started = new Lazy<Task<SearchResults>>(search);
        entry = _entries.AddOrUpdate(key, (version, started), (_, old) => old.Version == version ? old : (version, started));
        // The request that started the search decides whether it is kept; requests that joined it only wait for it.
        var keep = !ReferenceEquals(entry.Results, started) || SeenBefore(key);
        var results = await Results(key, entry);
        if (!keep)
        {
            // Shared while it ran; asked once, it is not kept.
            _entries.TryRemove(new KeyValuePair<string, (long, Lazy<Task<SearchResults>>)>(key, entry));
        }
        return results;
    }

    private async Task<SearchResults> Results(string key, (long Version, Lazy<Task<SearchResults>> Results) entry)
    {
        try
        {
            return await entry.Results.Value;
        }
        catch
        {
            // A failed search (a model timing out, a bad filter) is not remembered.
            _entries.TryRemove(new KeyValuePair<string, (long, Lazy<Task<SearchResults>>)>(key, entry));
            throw;
        }
    }

    /// <summary>Whether <paramref name="key"/> was asked before (since its slot last held another key); records it.</summary>
    private bool SeenBefore(string key)
    {
        var hash = key.GetHashCode() | 1; // never 0, which marks an empty slot
        return Interlocked.Exchange(ref _seen[(uint)hash % SeenSlots], hash) == hash;
    }
}
