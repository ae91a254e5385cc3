using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// The unit chunks are packed from: a sentence, a word window of a long one, or a table's rows. A break stands
/// where text was left out (a table of contents), so that no chunk spans it.
/// </summary>
internal sealed record Piece(TextSpan Span, int Tokens, bool IsTable)
{
    public static Piece Break { get; } = new(default, 0, false);

    public bool IsBreak => Tokens == 0;
}
