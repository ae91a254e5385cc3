namespace KnowledgeBase.Core.Answers.Evaluation;

/// <summary>
/// How one answer did. CitationPrecision: share of its cited passages that contain at least one expected fact or
/// come from an expected document (null when nothing was cited). FactRecall: share of expected facts found in the
/// answer text; PassageFactRecall: in the cited passages. Correct not-found: the answer is not-found exactly when
/// the question is marked so. FirstCitationExpected: the answer's first citation (the passage its text opens with)
/// comes from an expected document; null when the answer cites nothing.
/// </summary>
public sealed record AnswerScore(
    string Id,
    string? Topic,
    string Kind,
    bool ExpectsNotFound,
    int Citations,
    double? CitationPrecision,
    double FactRecall,
    double PassageFactRecall,
    bool CitesExpectedDocument,
    bool? FirstCitationExpected,
    bool CorrectNotFound,
    double LatencyMs,
    IReadOnlyList<string> MissingFacts);
