using System.Collections.Concurrent;
using System.Text.Json;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Results of recent searches, valid until the next commit changes the index: a portal's popular questions are asked
/// again and again, and a repeat costs a dictionary lookup instead of a query over every language's fields. Requests
/// that arrive together for the same search share one computation rather than all running it.
/// </summary>
internal sealed class SearchResultCache(int capacity = 2048)
{
    private readonly ConcurrentDictionary<string, (long Version, Lazy<Task<SearchResults>> Results)> _entries = new();

    public static string KeyOf(SearchRequest request) => JsonSerializer.Serialize(request);

    public async Task<SearchResults> GetOrAddAsync(string key, long version, Func<Task<SearchResults>> search)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Version != version)
        {
            // Wholesale clearing keeps the cache simple; with a commit every few seconds it rarely fills anyway.
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
            var fresh = (version, new Lazy<Task<SearchResults>>(search));
            entry = _entries.AddOrUpdate(key, fresh, (_, old) => old.Version == version ? old : fresh);
        }
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
}
