namespace KnowledgeBase.Core.Answers;

/// <summary>How an answer is made: Auto generates when a chat model is configured and extracts otherwise.</summary>
public enum AnswerMode
{
    Auto,
    Extractive,
    Generative,
}
