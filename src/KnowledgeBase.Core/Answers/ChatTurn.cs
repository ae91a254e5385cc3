namespace KnowledgeBase.Core.Answers;

/// <summary>One earlier turn of a conversation: <see cref="Role"/> is "user" or "assistant".</summary>
public sealed record ChatTurn(string Role, string Text);
