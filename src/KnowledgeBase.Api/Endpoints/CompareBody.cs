using System.Text.Json;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>
/// POST /api/compare: which rows, which topics (built-in ids, or objects {title, phrasings?} for a topic of one's
/// own), and how many passages per cell.
/// </summary>
internal sealed record CompareBody
{
    public CompareRowsBody? Rows { get; init; }

    public JsonElement[]? Topics { get; init; }

    public int? MaxPassages { get; init; }
}
