namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>One search result: which block, which row in it, and its cosine similarity to the query.</summary>
/// <param name="BlockIndex">Index of the block in the list given to <see cref="DenseScanner.Search"/>.</param>
/// <param name="Row">Row within that block.</param>
/// <param name="Score">Exact float cosine when the block can re-score, else the int8 estimate of it.</param>
public readonly record struct VectorHit(int BlockIndex, int Row, float Score);
