using System.Numerics.Tensors;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// One "KonaTransformer" layer of the graph, pre-norm: h = x' + Attention(LayerNorm(x)), then h + FFN(LayerNorm(h)),
/// where x' is x itself or, in the first layer whose input is narrower (256) than its output (512), a dense projection
/// of x ("AdjustResidualInput"). The attention projects with one fused qkv matrix, splits it into q, k, v of the
/// input width, scales q by the graph's constant (1/√head size) and runs 4 heads; the FFN is ReLU, 512 → 1536 → 512.
/// Every row is one token of one sentence, so no padding mask is needed here: the graph's mask adds -1e9 to padded
/// keys, which weighs them exactly 0, and padded rows are never pooled.
/// </summary>
internal sealed class TransformerLayer
{
    private readonly LayerNorm _attentionNorm;
    private readonly PackedMatrix _qkv;
    private readonly PackedMatrix _attentionOutput;
    private readonly PackedMatrix? _residualProjection;
    private readonly LayerNorm _ffnNorm;
    private readonly PackedMatrix _ffnIn;
    private readonly PackedMatrix _ffnOut;
    private readonly float _queryScale;
    private readonly int _heads;

    public TransformerLayer(
        LayerNorm attentionNorm, PackedMatrix qkv, float queryScale, int heads, PackedMatrix attentionOutput,
        PackedMatrix? residualProjection, LayerNorm ffnNorm, PackedMatrix ffnIn, PackedMatrix ffnOut)
    {
        _attentionNorm = attentionNorm;
        _qkv = qkv;
        _queryScale = queryScale;
        _heads = heads;
        _attentionOutput = attentionOutput;
        _residualProjection = residualProjection;
        _ffnNorm = ffnNorm;
        _ffnIn = ffnIn;
        _ffnOut = ffnOut;
        InputWidth = qkv.Inputs;
        OutputWidth = ffnOut.Outputs;
    }

    public int InputWidth { get; }

    public int OutputWidth { get; }

    public int HiddenWidth => _ffnIn.Outputs;

    /// <summary>Transforms <paramref name="tokens"/> rows of workspace.Hidden (InputWidth wide) into OutputWidth-wide rows in place.</summary>
    public void Forward(EncoderWorkspace workspace, int tokens)
    {
        var width = InputWidth;
        var x = workspace.Hidden.AsSpan(0, tokens * width);
        var normed = workspace.Normed.AsSpan(0, tokens * width);
        _attentionNorm.Apply(x, normed, tokens);
        _qkv.Multiply(normed, tokens, workspace.Qkv);
        Attend(workspace, tokens);

        // Residual: the input itself, or its projection to the output width.
        var residual = workspace.Residual.AsSpan(0, tokens * OutputWidth);
        if (_residualProjection is null)
        {
            x.CopyTo(residual);
        }
        else
        {
            _residualProjection.Multiply(x, tokens, residual);
        }
        var h = workspace.Hidden.AsSpan(0, tokens * OutputWidth);
        _attentionOutput.Multiply(workspace.Attended, tokens, h);
        TensorPrimitives.Add(h, residual, h);

        var ffnNormed = workspace.Normed.AsSpan(0, tokens * OutputWidth);
        _ffnNorm.Apply(h, ffnNormed, tokens);
        var inner = workspace.Inner.AsSpan(0, tokens * HiddenWidth);
        _ffnIn.Multiply(ffnNormed, tokens, inner);
        TensorPrimitives.Max(inner, 0f, inner);
        _ffnOut.Multiply(inner, tokens, residual);
        TensorPrimitives.Add(h, residual, h);
    }

    /// <summary>Per head: scores = q·kᵀ · scale, softmax over the keys, then scores · v, as two packed matrix products.</summary>
    private void Attend(EncoderWorkspace workspace, int tokens)
    {
        if (tokens == 0)
        {
            return;
        }
        var width = InputWidth;
        var headSize = width / _heads;
        var stride = 3 * width;
        var keys = MatrixKernel.PaddedWidth(tokens);
        ReadOnlySpan<float> qkv = workspace.Qkv.AsSpan(0, tokens * stride);
        var scores = workspace.Scores.AsSpan(0, tokens * keys);
        for (var head = 0; head < _heads; head++)
        {
            var offset = head * headSize;
            MatrixKernel.PackTransposed(qkv[(width + offset)..], tokens, headSize, stride, workspace.KeyPanels);
            MatrixKernel.Multiply(qkv[offset..], tokens, stride, workspace.KeyPanels, headSize, tokens, [], scores, keys);
            for (var query = 0; query < tokens; query++)
            {
                var row = scores.Slice(query * keys, tokens);
                TensorPrimitives.Multiply(row, _queryScale, row);
                // Shifted by the maximum first, as Softmax kernels do, so no exp overflows.
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
                TensorPrimitives.SoftMax(row, row);
            }
            MatrixKernel.Pack(qkv[(2 * width + offset)..], tokens, headSize, stride, workspace.ValuePanels);
            MatrixKernel.Multiply(scores, tokens, keys, workspace.ValuePanels, tokens, headSize, [], workspace.Attended.AsSpan(offset), width);
        }
    }
}
