namespace KnowledgeBase.Core.Documents;

/// <summary>A heading line the source format marked as such; Level 1 is a top-level clause.</summary>
public sealed record HeadingMark(int Offset, int Level, string Text);
