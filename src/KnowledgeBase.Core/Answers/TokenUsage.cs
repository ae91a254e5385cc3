namespace KnowledgeBase.Core.Answers;

/// <summary>Tokens a chat model reported for the calls behind one answer.</summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens)
{
    public int TotalTokens => InputTokens + OutputTokens;

    public TokenUsage Add(TokenUsage? other) =>
        other is null ? this : new TokenUsage(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
}
