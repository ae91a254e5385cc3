using System.Text.Json.Serialization;

namespace KnowledgeBase.Core.Answers.Evaluation;

/// <summary>
/// One line of an answer evaluation set: the question, key phrases a correct answer contains, and the documents
/// (file names, e.g. "nist_sp800-61r2_2012.pdf") it should cite. <see cref="NotFound"/> marks a question the
/// knowledge base cannot answer.
/// </summary>
public sealed record AnswerQuestion
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("question")]
    public required string Question { get; init; }

    [JsonPropertyName("facts")]
    public IReadOnlyList<string> Facts { get; init; } = [];

    [JsonPropertyName("documents")]
    public IReadOnlyList<string> Documents { get; init; } = [];

    [JsonPropertyName("topic")]
    public string? Topic { get; init; }

    [JsonPropertyName("not_found")]
    public bool NotFound { get; init; }
}
