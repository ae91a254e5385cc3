namespace KnowledgeBase.Core.Documents;

/// <summary>A half-open range [Start, End) of chars in an extracted text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
}
