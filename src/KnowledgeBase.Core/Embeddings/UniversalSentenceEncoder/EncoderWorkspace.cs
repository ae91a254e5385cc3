namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// Scratch buffers for one sentence at a time, sized for the longest input, so the forward pass allocates nothing.
/// One per thread: sentences of a batch run in parallel, each worker with its own.
/// </summary>
internal sealed class EncoderWorkspace(int maxTokens, int width, int hiddenWidth)
{
    /// <summary>The token rows flowing through the layers (256 wide at first, 512 after the first layer).</summary>
    public float[] Hidden { get; } = new float[maxTokens * width];

    public float[] Normed { get; } = new float[maxTokens * width];

    public float[] Qkv { get; } = new float[maxTokens * 3 * width];

    public float[] Attended { get; } = new float[maxTokens * width];

    public float[] Residual { get; } = new float[maxTokens * width];

    public float[] Inner { get; } = new float[maxTokens * hiddenWidth];

    /// <summary>Attention weights of one head, a row per query, rows padded to whole kernel panels.</summary>
    public float[] Scores { get; } = new float[maxTokens * MatrixKernel.PaddedWidth(maxTokens)];

    /// <summary>One head's keys, transposed and packed (a head is at most as wide as the layer).</summary>
    public float[] KeyPanels { get; } = new float[MatrixKernel.PaddedWidth(maxTokens) * width];

    public float[] ValuePanels { get; } = new float[maxTokens * MatrixKernel.PaddedWidth(width)];

    public float[] Pooled { get; } = new float[width];
}
