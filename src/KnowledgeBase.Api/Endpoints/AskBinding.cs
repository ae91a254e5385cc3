using KnowledgeBase.Api.Http;
using KnowledgeBase.Core.Answers;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>Turns a POST /api/ask body into Core's request; the question itself is checked by the answer service.</summary>
internal static class AskBinding
{
    public const int MaxHistoryTurns = 40;

    public static AnswerRequest Request(AskBody body) =>
        new(body.Question ?? "")
        {
            Filters = RequestBinding.Filters(body.Filters ?? new FilterBody()),
            History = History(body.History ?? []),
            Mode = Mode(body.Mode),
            SearchMode = RequestBinding.Mode(body.SearchMode, "searchMode"),
        };

    private static List<ChatTurn> History(IReadOnlyList<AskTurn> turns)
    {
        if (turns.Count > MaxHistoryTurns)
        {
            throw ApiProblemException.Invalid("history", $"at most {MaxHistoryTurns} turns are kept; drop the oldest");
        }
        var history = new List<ChatTurn>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i] ?? throw ApiProblemException.Invalid($"history[{i}]", "must be an object with role and text");
            if (turn.Role is not ("user" or "assistant"))
            {
                throw ApiProblemException.Invalid($"history[{i}].role", $"\"{turn.Role}\" is not user or assistant");
            }
            if (turn.Text is null || turn.Text.Length > AnswerRequest.MaxQuestionLength * 4)
            {
                throw ApiProblemException.Invalid($"history[{i}].text", $"must be a text of at most {AnswerRequest.MaxQuestionLength * 4} characters");
            }
            history.Add(new ChatTurn(turn.Role, turn.Text));
        }
        return history;
    }

    private static AnswerMode Mode(string? mode) =>
        mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => AnswerMode.Auto,
            "extractive" => AnswerMode.Extractive,
            "generative" => AnswerMode.Generative,
            _ => throw ApiProblemException.Invalid("mode", $"\"{mode}\" is not one of auto, extractive, generative"),
        };
}
