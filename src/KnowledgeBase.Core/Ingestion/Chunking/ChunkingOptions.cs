namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>Token budget of a chunk. A token is a word, or one CJK character.</summary>
public sealed class ChunkingOptions
{
    /// <summary>Largest chunk, except a table, which is only split between rows past three times this.</summary>
    public int MaxTokens { get; set; } = 300;

    /// <summary>Trailing sentences of a chunk repeated at the start of the next one in the same clause.</summary>
    public int OverlapTokens { get; set; } = 40;

    /// <summary>A chunk smaller than this runs on into the next sub-clause instead of ending at its heading.</summary>
    public int MinTokens { get; set; } = 80;
}
