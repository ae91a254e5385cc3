using System.Runtime.CompilerServices;
using System.Text;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Asks the chat model to answer from the numbered passages, then validates its markers: markers pointing at no
/// passage are removed and counted; an answer left without a valid citation is flagged, unless it says the
/// knowledge base does not hold the answer, which makes it not-found.
/// </summary>
internal sealed class GenerativeAnswerer(ChatModel model)
{
    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<NumberedPassage> passages, string? language, CancellationToken cancellationToken)
    {
        var (text, usage) = await model.CompleteAsync(PromptBuilder.Answer(question, passages, language), cancellationToken);
        return Finish(text, passages, language, usage);
    }

    /// <summary>Text deltas as the model writes them, then one Done event with the validated answer.</summary>
    public async IAsyncEnumerable<AnswerEvent> StreamAsync(
        string question, IReadOnlyList<NumberedPassage> passages, string? language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        TokenUsage? usage = null;
        await foreach (var (delta, chunkUsage) in model.StreamAsync(PromptBuilder.Answer(question, passages, language), cancellationToken))
        {
            usage = chunkUsage ?? usage;
            if (delta.Length > 0)
            {
                text.Append(delta);
                yield return AnswerEvent.ForDelta(delta);
            }
        }
        yield return AnswerEvent.ForDone(Finish(text.ToString(), passages, language, usage));
    }

    private static Answer Finish(string text, IReadOnlyList<NumberedPassage> passages, string? language, TokenUsage? usage)
    {
        var sources = passages.Select(p => p.ToCitation()).ToList();
        var (cleaned, cited, removed) = CitationValidator.Validate(text, sources);
        var notFound = cited.Count == 0 && NotFoundText.IsNotFound(cleaned);
        return new Answer(cleaned, notFound ? AnswerKind.NotFound : AnswerKind.Generated, cited)
        {
            Sources = sources,
            RemovedMarkers = removed,
            Flagged = cited.Count == 0 && !notFound,
            Language = language,
            Usage = usage,
        };
    }
}
