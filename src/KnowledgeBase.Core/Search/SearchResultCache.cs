using System.Collections.Concurrent;
using System.Text.Json;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Results of recent searches, valid until the next commit changes the index: a portal's popular questions are asked
/// again and again, and a repeat costs a dictionary lookup instead of a query over every language's fields.
/// </summary>
internal sealed class SearchResultCache(int capacity = 2048)
{
    private readonly ConcurrentDictionary<string, (long Version, SearchResults Results)> _entries = new();

    public static string KeyOf(SearchRequest request) => JsonSerializer.Serialize(request);

    public SearchResults? Find(string key, long version) =>
        _entries.TryGetValue(key, out var entry) && entry.Version == version ? entry.Results : null;

    public void Add(string key, long version, SearchResults results)
    {
        // Wholesale clearing keeps the cache simple; with a commit every few seconds it rarely fills anyway.
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        _entries[key] = (version, results);
    }
}
