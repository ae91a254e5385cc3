namespace KnowledgeBase.Core.Answers;

/// <summary>
/// The part of an answer about one country named in the question: it was answered from that country's documents
/// only, and its [n] markers are numbered as in the whole answer's <see cref="Answer.Sources"/>.
/// </summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code.</param>
/// <param name="Country">English short name.</param>
/// <param name="NamedAs">The words of the question that named it ("Bénin", "TG").</param>
public sealed record CountryAnswer(
    string CountryCode, string Country, string NamedAs, AnswerKind Kind, string Text, IReadOnlyList<Citation> Citations);
