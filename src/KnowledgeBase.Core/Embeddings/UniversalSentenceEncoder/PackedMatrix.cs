namespace KnowledgeBase.Core.Embeddings;

/// <summary>A weight matrix (inputs × outputs, row-major in model.json) and its bias, packed once for <see cref="MatrixKernel"/>.</summary>
internal sealed class PackedMatrix
{
    private readonly float[] _panels;
    private readonly float[] _bias;

    public PackedMatrix(float[] rowMajor, int inputs, int outputs, float[] bias)
    {
        if (outputs % MatrixKernel.PanelWidth != 0 || rowMajor.Length != inputs * outputs || bias.Length != outputs)
        {
            throw new InvalidDataException($"a {inputs}×{outputs} weight needs {outputs} biases and a width divisible by {MatrixKernel.PanelWidth}");
        }
        Inputs = inputs;
        Outputs = outputs;
        _bias = bias;
        _panels = new float[rowMajor.Length];
        MatrixKernel.Pack(rowMajor, inputs, outputs, outputs, _panels);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>output[r] = input[r] · W + b for each of <paramref name="rows"/> rows (row-major, no padding).</summary>
    public void Multiply(ReadOnlySpan<float> input, int rows, Span<float> output) =>
        MatrixKernel.Multiply(input, rows, Inputs, _panels, Inputs, Outputs, _bias, output, Outputs);
}
