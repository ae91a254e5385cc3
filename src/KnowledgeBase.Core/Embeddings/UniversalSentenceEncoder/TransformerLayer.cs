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

    private void Attend(EncoderWorkspace workspace, int tokens)
    {
        var width = InputWidth;
        var headSize = width / _heads;
        var stride = 3 * width;
        var qkv = workspace.Qkv.AsSpan(0, tokens * stride);
        var attended = workspace.Attended.AsSpan(0, tokens * width);
        attended.Clear();
        var scores = workspace.Scores.AsSpan(0, tokens);
        for (var head = 0; head < _heads; head++)
        {
            var offset = head * headSize;
            for (var query = 0; query < tokens; query++)
            {
                var q = qkv.Slice(query * stride + offset, headSize);
                for (var key = 0; key < tokens; key++)
                {
                    scores[key] = TensorPrimitives.Dot(q, qkv.Slice(key * stride + width + offset, headSize)) * _queryScale;
                }
                // Shifted by the maximum first, as Softmax kernels do, so no exp overflows.
                TensorPrimitives.Subtract(scores, TensorPrimitives.Max(scores), scores);
                TensorPrimitives.SoftMax(scores, scores);
                var output = attended.Slice(query * width + offset, headSize);
                for (var key = 0; key < tokens; key++)
                {
                    TensorPrimitives.MultiplyAdd(qkv.Slice(key * stride + 2 * width + offset, headSize), scores[key], output, output);
                }
            }
        }
    }
}
