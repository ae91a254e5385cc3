namespace KnowledgeBase.Core.Answers;

/// <summary>
/// An answer whose sentences carry [n] markers pointing at <see cref="Citations"/>. Markers that pointed at no
/// source were removed and counted in <see cref="RemovedMarkers"/>; <see cref="Flagged"/> says a generated
/// answer ended with no valid citation and should not be trusted. <see cref="Sources"/> are all passages that
/// were given to the model (or scanned), numbered as the markers number them; Citations are those actually cited.
/// </summary>
public sealed record Answer(string Text, AnswerKind Kind, IReadOnlyList<Citation> Citations)
{
    public IReadOnlyList<Citation> Sources { get; init; } = [];

    public int RemovedMarkers { get; init; }

    public bool Flagged { get; init; }

    /// <summary>The question the sources were searched with, after a follow-up was made standalone.</summary>
    public string? SearchedQuestion { get; init; }

    /// <summary>ISO 639-1 code the answer was written for, when it could be told.</summary>
    public string? Language { get; init; }

    public TokenUsage? Usage { get; init; }

    /// <summary>One part per country the question named, each answered from that country's documents only; empty
    /// when it named none.</summary>
    public IReadOnlyList<CountryAnswer> ByCountry { get; init; } = [];
}
