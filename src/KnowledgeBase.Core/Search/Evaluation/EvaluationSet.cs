using System.Text.Json;

namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>
/// Queries (JSON Lines: id, query, optional kind) and their judgments (TSV: query_id, file, clause or "-",
/// relevance). Errors name the file and line.
/// </summary>
public sealed record EvaluationSet(IReadOnlyList<EvaluationQuery> Queries)
{
    public static EvaluationSet Load(string queriesPath, string qrelsPath)
    {
        var judgments = LoadQrels(qrelsPath);
        var queries = new List<EvaluationQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(queriesPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var (id, text, kind) = ParseQuery(line, $"{Path.GetFileName(queriesPath)} line {lineNumber}");
            if (judgments.TryGetValue(id, out var relevant))
            {
                queries.Add(new EvaluationQuery(id, text, kind, relevant));
            }
        }
        return new EvaluationSet(queries);
    }

    private static (string Id, string Query, string Kind) ParseQuery(string line, string where)
    {
        try
        {
            var root = JsonDocument.Parse(line).RootElement;
            var id = root.TryGetProperty("id", out var i) ? i.GetString() : null;
            var query = root.TryGetProperty("query", out var q) ? q.GetString() : null;
            var kind = root.TryGetProperty("kind", out var k) ? k.GetString() : null;
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(query))
            {
                throw new FormatException($"{where}: fields \"id\" and \"query\" are required");
            }
            return (id, query, kind ?? "all");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException($"{where}: not a JSON object with string \"id\" and \"query\"", ex);
        }
    }

    private static Dictionary<string, List<Judgment>> LoadQrels(string path)
    {
        var judgments = new Dictionary<string, List<Judgment>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var cells = line.Split('\t');
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && cells[0] == "query_id"))
            {
                continue;
            }
            if (cells.Length != 4 || !int.TryParse(cells[3], out var relevance) || relevance is < 1 or > 3)
            {
                throw new FormatException($"{Path.GetFileName(path)} line {lineNumber}: expected query_id, file, clause or -, relevance 1-3 separated by tabs");
            }
            var clause = cells[2].Trim() is "-" or "" ? null : cells[2].Trim();
            if (!judgments.TryGetValue(cells[0], out var list))
            {
                judgments[cells[0]] = list = [];
            }
            list.Add(new Judgment(cells[1].Trim(), clause, relevance));
        }
        return judgments;
    }
}
