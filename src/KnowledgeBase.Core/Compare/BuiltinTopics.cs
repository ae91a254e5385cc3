namespace KnowledgeBase.Core.Compare;

/// <summary>
/// The topics that ship with the product (Compare/topics.json, an embedded resource), and the lookup that turns a
/// list of ids — built-in or from a user's topics file — into topics, naming an unknown one.
/// </summary>
public static class BuiltinTopics
{
    private static readonly Lazy<IReadOnlyList<CompareTopic>> Topics = new(Load);

    public static IReadOnlyList<CompareTopic> All => Topics.Value;

    /// <summary>The topics with these ids, in that order, looked up in <paramref name="available"/> (default: built-in).</summary>
    public static IReadOnlyList<CompareTopic> Resolve(IEnumerable<string> ids, IReadOnlyList<CompareTopic>? available = null, string field = "topics")
    {
        var topics = available ?? All;
        return ids.Select(id => topics.FirstOrDefault(t => string.Equals(t.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CompareValidationException(field, $"unknown topic \"{id}\"; known: {string.Join(", ", topics.Select(t => t.Id))}"))
            .ToList();
    }

    private static IReadOnlyList<CompareTopic> Load()
    {
        using var stream = typeof(BuiltinTopics).Assembly.GetManifestResourceStream("KnowledgeBase.Core.Compare.topics.json")
            ?? throw new InvalidOperationException("the built-in topics resource is missing from the build");
        using var reader = new StreamReader(stream);
        return TopicFile.Parse(reader.ReadToEnd(), "topics.json (built-in)");
    }
}
