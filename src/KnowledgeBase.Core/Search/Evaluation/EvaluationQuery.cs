namespace KnowledgeBase.Core.Search.Evaluation;

/// <summary>A query of an evaluation set with its kind ("paraphrase", "identifier", "fr" …) and judgments.</summary>
public sealed record EvaluationQuery(string Id, string Query, string Kind, IReadOnlyList<Judgment> Judgments);
