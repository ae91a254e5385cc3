using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents.Metadata;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Puts the answers for each named country together as one answer: its text is each country's part after the name
/// the question used ("Bénin: … [1]\n\nTogo: … [4]"), markers and sources numbered on across the parts, and
/// <see cref="Answer.ByCountry"/> keeps the parts apart. One country named gives its answer unlabelled.
/// </summary>
internal static partial class CountryAnswers
{
    public static Answer Compose(IReadOnlyList<(CountryMention Mention, Answer Answer)> parts, string? language)
    {
        var offset = 0;
        var sources = new List<Citation>();
        var byCountry = new List<CountryAnswer>();
        foreach (var (mention, answer) in parts)
        {
            var shift = offset;
            var known = answer.Sources.Select(s => s.Marker).ToHashSet();
            var text = Marker().Replace(answer.Text, m =>
                int.TryParse(m.Groups[1].ValueSpan, out var n) && known.Contains(n) ? $"[{n + shift}]" : m.Value);
            sources.AddRange(answer.Sources.Select(s => s with { Marker = s.Marker + shift }));
            var citations = answer.Citations.Select(c => c with { Marker = c.Marker + shift }).ToList();
            byCountry.Add(new CountryAnswer(mention.Country.Code, mention.Country.Name, mention.Text, answer.Kind, text, citations));
            offset += answer.Sources.Count == 0 ? 0 : answer.Sources.Max(s => s.Marker);
        }
        var whole = byCountry.Count == 1
            ? byCountry[0].Text
            : string.Join("\n\n", byCountry.Select(p => $"{p.NamedAs}: {p.Text}"));
        return new Answer(whole, Kind(byCountry), byCountry.SelectMany(p => p.Citations).ToList())
        {
            Sources = sources,
            ByCountry = byCountry,
            Language = language,
            RemovedMarkers = parts.Sum(p => p.Answer.RemovedMarkers),
            Flagged = parts.Any(p => p.Answer.Flagged),
            Usage = parts.Select(p => p.Answer.Usage).Aggregate((TokenUsage?)null, (sum, u) => sum?.Add(u) ?? u),
        };
    }

    private static AnswerKind Kind(List<CountryAnswer> parts) =>
        parts.All(p => p.Kind == AnswerKind.NotFound) ? AnswerKind.NotFound
        : parts.Any(p => p.Kind == AnswerKind.Generated) ? AnswerKind.Generated
        : AnswerKind.Extractive;

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Marker();
}
