using System.Text.Json;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// Evaluation mode: reads `{"id": "...", "query": "..."}` lines and writes `{"id": "...", "hits": [...]}` lines in the
/// same order. A bad line is reported on stderr with its line number and the rest still run.
/// </summary>
internal static class BatchSearch
{
    public static async Task<int> RunAsync(SearchService search, FileInfo file, SearchRequest template, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return CliErrors.Fail($"{file.FullName}: no such file");
        }
        var bad = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!TryRead(line, out var id, out var query, out var problem))
            {
                CliErrors.Fail($"{file.Name} line {lineNumber}: {problem}");
                bad++;
                continue;
            }
            var results = await search.SearchAsync(template with { Query = query }, cancellationToken);
            JsonOutput.Write(new { id, hits = results.Hits.Select(HitJson.From) }, indented: false);
        }
        return bad == 0 ? 0 : CliErrors.UserError;
    }

    private static bool TryRead(string line, out string id, out string query, out string problem)
    {
        id = query = problem = "";
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
            {
                problem = "field \"query\" is missing or empty";
                return false;
            }
            query = q.GetString()!;
            if (!root.TryGetProperty("id", out var i) || i.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "field \"id\" is missing";
                return false;
            }
            id = i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText();
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON ({ex.Message})";
            return false;
        }
    }
}
