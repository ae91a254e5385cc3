using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Answers.Evaluation;

/// <summary>Runs each question of an answer evaluation set through the answer service and scores it; see <see cref="AnswerScore"/>.</summary>
public static partial class AnswerEvaluator
{
    public static IReadOnlyList<AnswerQuestion> Load(string path)
    {
        var questions = new List<AnswerQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                questions.Add(JsonSerializer.Deserialize<AnswerQuestion>(line) ?? throw new FormatException("empty"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{number}: {ex.Message}", ex);
            }
        }
        return questions;
    }

    public static async Task<IReadOnlyList<AnswerScore>> RunAsync(
        AnswerService answers, IReadOnlyList<AnswerQuestion> questions, AnswerMode mode, CancellationToken cancellationToken)
    {
        var scores = new List<AnswerScore>();
        foreach (var question in questions)
        {
            var watch = Stopwatch.StartNew();
            var answer = await answers.AskAsync(new AnswerRequest(question.Question) { Mode = mode }, cancellationToken);
            scores.Add(Score(question, answer, watch.Elapsed.TotalMilliseconds));
        }
        return scores;
    }

    public static AnswerScore Score(AnswerQuestion question, Answer answer, double latencyMs)
    {
        var facts = question.Facts.Select(Normalize).ToList();
        var text = Normalize(answer.Text);
        var passages = answer.Citations.Select(c => Normalize(c.Passage)).ToList();
        bool Expected(Citation c) => question.Documents.Any(d => string.Equals(Path.GetFileName(c.Source), d, StringComparison.OrdinalIgnoreCase));
        var supported = answer.Citations.Count(c => Expected(c) || facts.Any(Normalize(c.Passage).Contains));
        var inText = facts.Where(text.Contains).ToList();
        return new AnswerScore(
            question.Id,
            question.Topic,
            answer.Kind switch { AnswerKind.NotFound => "not-found", var kind => kind.ToString().ToLowerInvariant() },
            question.NotFound,
            answer.Citations.Count,
            answer.Citations.Count == 0 ? null : (double)supported / answer.Citations.Count,
            facts.Count == 0 ? 0 : (double)inText.Count / facts.Count,
            facts.Count == 0 ? 0 : (double)facts.Count(f => passages.Any(p => p.Contains(f))) / facts.Count,
            answer.Citations.Any(Expected),
            answer.Citations.Count == 0 ? null : Expected(answer.Citations.MinBy(c => c.Marker)!),
            question.NotFound == (answer.Kind == AnswerKind.NotFound),
            latencyMs,
            question.Facts.Where((_, i) => !inText.Contains(facts[i])).ToList());
    }

    // Case, runs of white space and line-break hyphens do not decide whether a phrase is there.
    private static string Normalize(string text) => Whitespace().Replace(text.Replace("-\n", "", StringComparison.Ordinal), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
