using System.Text.Json;

namespace KnowledgeBase.Core.Compare;

/// <summary>
/// Reads topics in the built-in file's shape, <c>{"topics": [{"id", "title", "source"?, "definition"?,
/// "phrasings": {"en": ["…"], "fr": ["…"]}}]}</c> (phrasings may also be one list, tried in every language). A bad
/// file is a <see cref="CompareValidationException"/> naming the file and the JSON path of the field.
/// </summary>
public static class TopicFile
{
    /// <summary>Topic ids: lower-case words joined by hyphens, so they fit in URLs, CSV and command lines.</summary>
    private const int MaxIdLength = 64;

    public static IReadOnlyList<CompareTopic> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CompareValidationException("topicsFile", $"{Path.GetFileName(path)}: cannot be read ({ex.GetType().Name})");
        }
        return Parse(text, Path.GetFileName(path));
    }

    public static IReadOnlyList<CompareTopic> Parse(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw Invalid(name, "$", $"is not JSON (line {ex.LineNumber + 1})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("topics", out var topics) || topics.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(name, "topics", "must be an array of topics");
            }
            var result = topics.EnumerateArray().Select((t, i) => Topic(t, name, $"topics[{i}]")).ToList();
            if (result.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw Invalid(name, "topics", $"id \"{twice.Key}\" is used twice");
            }
            return result;
        }
    }

    /// <summary>One topic object; also what the API reads for a topic given inline (name null: no file, errors name <paramref name="path"/>).</summary>
    public static CompareTopic Topic(JsonElement element, string? name, string path, bool idRequired = true)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(name, path, "must be an object with id, title and phrasings");
        }
        var title = Text(element, "title", name, path, required: true)!;
        var id = Text(element, "id", name, path, required: idRequired) ?? Slug(title);
        if (id.Length > MaxIdLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw Invalid(name, $"{path}.id", $"\"{id}\" must be lower-case letters, digits and hyphens, at most {MaxIdLength}");
        }
        return new CompareTopic(id, title, Phrasings(element, name, path, title))
        {
            Source = Text(element, "source", name, path, required: false) ?? "custom",
            Definition = Text(element, "definition", name, path, required: false),
        };
    }

    /// <summary>A free-text topic's id: its title in lower case, words joined by hyphens.</summary>
    public static string Slug(string title)
    {
        var words = new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        slug = slug.Length > MaxIdLength ? slug[..MaxIdLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "custom" : slug;
    }

    private static Dictionary<string, IReadOnlyList<string>> Phrasings(JsonElement element, string? name, string path, string title)
    {
        if (!element.TryGetProperty("phrasings", out var phrasings) || phrasings.ValueKind == JsonValueKind.Null)
        {
            // A free-text topic: its title is what is looked for, in whatever language it is written.
            return new Dictionary<string, IReadOnlyList<string>> { [CompareTopic.AnyLanguage] = [title] };
        }
        if (phrasings.ValueKind == JsonValueKind.Array)
        {
            return new Dictionary<string, IReadOnlyList<string>> { [CompareTopic.AnyLanguage] = Strings(phrasings, name, $"{path}.phrasings") };
        }
        if (phrasings.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(name, $"{path}.phrasings", "must be an object of language code to phrasings, or a list of phrasings");
        }
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var language in phrasings.EnumerateObject())
        {
            var code = language.Name.Trim().ToLowerInvariant();
            if (code != CompareTopic.AnyLanguage && (code.Length != 2 || !code.All(char.IsAsciiLetterLower)))
            {
                throw Invalid(name, $"{path}.phrasings.{language.Name}", "is not an ISO 639-1 language code (en, fr, es, ar, zh, ru …)");
            }
            result[code] = Strings(language.Value, name, $"{path}.phrasings.{language.Name}");
        }
        if (result.Count == 0)
        {
            throw Invalid(name, $"{path}.phrasings", "has no language");
        }
        return result;
    }

    private static List<string> Strings(JsonElement list, string? name, string path)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, path, "must be a list of phrasings");
        }
        var result = new List<string>();
        foreach (var (item, i) in list.EnumerateArray().Select((item, i) => (item, i)))
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()) || item.GetString()!.Length > 200)
            {
                throw Invalid(name, $"{path}[{i}]", "must be a non-empty text of at most 200 characters");
            }
            result.Add(item.GetString()!.Trim());
        }
        if (result.Count == 0)
        {
            throw Invalid(name, path, "has no phrasing");
        }
        return result;
    }

    private static string? Text(JsonElement element, string property, string? name, string path, bool required)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Invalid(name, $"{path}.{property}", "is missing") : null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Invalid(name, $"{path}.{property}", "must be a non-empty text");
        }
        return value.GetString()!.Trim();
    }

    /// <summary>Inline topics (no file) name the request's field; a file's errors name the file and the path in it.</summary>
    private static CompareValidationException Invalid(string? file, string path, string message) =>
        file is null ? new(path, message) : new("topicsFile", $"{file}: {path} {message}");
}
