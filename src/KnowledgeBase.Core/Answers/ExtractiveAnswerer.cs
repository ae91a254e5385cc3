using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Ingestion.Chunking;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Answers with the passages' own sentences: each sentence is scored by the share of the question's content
/// words it contains (plus its cosine to the question when an embedding generator is given, plus a little for its
/// passage's rank), near-duplicates are dropped, and the best few are printed in document order, each followed by
/// its passage's marker. Below <see cref="MinimumCoverage"/> nothing is claimed.
/// </summary>
internal sealed partial class ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>>? embeddings)
{
    /// <summary>
    /// Least share of the question's content words the best sentence must contain. Tuned on
    /// tests/eval/answer-questions.jsonl against off-topic questions over the shared corpus: real questions reach
    /// 0.5–1.0, nonsense ones match one stray word of three or more (≤ 0.34).
    /// </summary>
    public const double MinimumCoverage = 0.5;

    private const int MaxSentences = 5;
    private const int MinSentences = 3;
    private const double DuplicateOverlap = 0.7;
    private const int MinSentenceChars = 30;
    private const int MaxSentenceChars = 700;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<NumberedPassage> passages, string? language, CancellationToken cancellationToken)
    {
        var questionTerms = Terms.Of(question).ToHashSet();
        var sources = passages.Select(p => p.ToCitation()).ToList();
        var candidates = Candidates(passages, questionTerms);
        if (candidates.Count == 0 || candidates.Max(c => c.Coverage) < MinimumCoverage)
        {
            return NotFound(language, sources);
        }
        var similarities = await SimilaritiesAsync(question, candidates, cancellationToken);
        var topScore = passages.Max(p => p.Hit.Score);
        var scored = candidates
            .Select((c, i) => c with { Score = Combine(c, similarities?[i], topScore) })
            .Where(c => c.Coverage >= MinimumCoverage / 2)
            .OrderByDescending(c => c.Score)
            .ToList();
        var chosen = new List<Candidate>();
        foreach (var candidate in scored)
        {
            var good = chosen.Count < MinSentences || candidate.Score >= scored[0].Score * 0.75;
            if (chosen.Count == MaxSentences || !good)
            {
                break;
            }
            if (!chosen.Any(c => Overlap(c.Terms, candidate.Terms) >= DuplicateOverlap))
            {
                chosen.Add(candidate);
            }
        }
        var ordered = chosen.OrderBy(c => c.Passage.Number).ThenBy(c => c.Index).ToList();
        var text = string.Join(' ', ordered.Select(c => $"{c.Text} [{c.Passage.Number}]"));
        var cited = ordered.Select(c => c.Passage.Number).Distinct().ToHashSet();
        return new Answer(text, AnswerKind.Extractive, sources.Where(s => cited.Contains(s.Marker)).ToList())
        {
            Sources = sources,
            Language = language,
        };
    }

    public static Answer NotFound(string? language, IReadOnlyList<Citation> sources) =>
        new(NotFoundText.For(language), AnswerKind.NotFound, []) { Sources = sources, Language = language };

    private static List<Candidate> Candidates(IReadOnlyList<NumberedPassage> passages, HashSet<string> questionTerms)
    {
        var candidates = new List<Candidate>();
        if (questionTerms.Count == 0)
        {
            return candidates;
        }
        foreach (var passage in passages)
        {
            var text = passage.Hit.Text;
            var index = 0;
            foreach (var span in SentenceSplitter.Split(text, new TextSpan(0, text.Length)))
            {
                var sentence = Clean(text[span.Start..span.End]);
                index++;
                if (sentence.Length is < MinSentenceChars or > MaxSentenceChars || LooksLikeContents().IsMatch(sentence))
                {
                    continue;
                }
                var terms = Terms.Of(sentence).ToHashSet();
                var coverage = (double)questionTerms.Count(terms.Contains) / questionTerms.Count;
                candidates.Add(new Candidate(passage, index, sentence, terms, coverage, 0));
            }
        }
        return candidates;
    }

    private async Task<float[]?> SimilaritiesAsync(string question, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (embeddings is null)
        {
            return null;
        }
        var query = await embeddings.GenerateAsync([question], EmbeddingInput.Query(), cancellationToken);
        var sentences = await embeddings.GenerateAsync(candidates.Select(c => c.Text), EmbeddingInput.Passage(), cancellationToken);
        return sentences.Select(s => Cosine(query[0].Vector.Span, s.Vector.Span)).ToArray();
    }

    // Term coverage decides; the passage's retrieval rank and the embedding similarity break ties between sentences.
    private static double Combine(Candidate candidate, float? similarity, float topScore)
    {
        var prior = topScore > 0 ? candidate.Passage.Hit.Score / topScore : 0;
        return similarity is { } cosine
            ? (0.55 * candidate.Coverage) + (0.3 * cosine) + (0.15 * prior)
            : (0.8 * candidate.Coverage) + (0.2 * prior);
    }

    private static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / MathF.Sqrt(na * nb);
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    private static string Clean(string sentence) => Whitespace().Replace(sentence, " ").Trim();

    private sealed record Candidate(NumberedPassage Passage, int Index, string Text, HashSet<string> Terms, double Coverage, double Score);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Table-of-contents lines ("3.2 Detection ........ 25") quote headings, not guidance.
    [GeneratedRegex(@"\.{4,}|…{2,}")]
    private static partial Regex LooksLikeContents();
}
