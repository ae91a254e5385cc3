namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>
/// Returns the full-precision vector of one row of a <see cref="VectorBlock"/>, for re-scoring, when the floats live
/// outside the block (a memory-mapped file, the chunk store). Called for at most k · rescoreFactor rows per search,
/// possibly from several threads at once.
/// </summary>
public delegate ReadOnlySpan<float> FullVectorReader(int row);
