using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// A weight matrix (K inputs × N outputs) with its bias, stored as column panels 16 wide so that the multiply reads
/// it front to back. TensorPrimitives has no matrix product; this is the register-blocked one the encoder spends
/// nearly all its time in: 4 rows × 16 columns of accumulators, one broadcast and two loads per step.
/// </summary>
internal sealed class PackedMatrix
{
    private const int PanelWidth = 16;
    private const int RowBlock = 4;

    private readonly float[] _panels;
    private readonly float[] _bias;

    public PackedMatrix(float[] rowMajor, int inputs, int outputs, float[] bias)
    {
        if (outputs % PanelWidth != 0 || rowMajor.Length != inputs * outputs || bias.Length != outputs)
        {
            throw new InvalidDataException($"a {inputs}×{outputs} weight needs {outputs} biases and a width divisible by {PanelWidth}");
        }
        Inputs = inputs;
        Outputs = outputs;
        _bias = bias;
        _panels = new float[rowMajor.Length];
        for (var panel = 0; panel < outputs / PanelWidth; panel++)
        {
            for (var k = 0; k < inputs; k++)
            {
                rowMajor.AsSpan(k * outputs + panel * PanelWidth, PanelWidth)
                    .CopyTo(_panels.AsSpan((panel * inputs + k) * PanelWidth, PanelWidth));
            }
        }
    }

    public int Inputs { get; }

    public int Outputs { get; }

    /// <summary>output[r] = input[r] · W + b for each of <paramref name="rows"/> rows (row-major, no padding).</summary>
    public void Multiply(ReadOnlySpan<float> input, int rows, Span<float> output)
    {
        if (input.Length < rows * Inputs || output.Length < rows * Outputs)
        {
            throw new ArgumentException("buffers too small for the matrix product");
        }
        ref var a = ref MemoryMarshal.GetReference(input);
        ref var c = ref MemoryMarshal.GetReference(output);
        for (var panel = 0; panel < Outputs / PanelWidth; panel++)
        {
            ref var b = ref _panels[panel * Inputs * PanelWidth];
            var column = panel * PanelWidth;
            var bias0 = Vector256.Create(_bias, column);
            var bias1 = Vector256.Create(_bias, column + 8);
            var row = 0;
            for (; row + RowBlock <= rows; row += RowBlock)
            {
                Block4(ref Unsafe.Add(ref a, row * Inputs), ref b, ref Unsafe.Add(ref c, row * Outputs + column), bias0, bias1);
            }
            for (; row < rows; row++)
            {
                Block1(ref Unsafe.Add(ref a, row * Inputs), ref b, ref Unsafe.Add(ref c, row * Outputs + column), bias0, bias1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Block4(ref float a, ref float b, ref float c, Vector256<float> bias0, Vector256<float> bias1)
    {
        int k = Inputs, n = Outputs;
        ref var a1 = ref Unsafe.Add(ref a, k);
        ref var a2 = ref Unsafe.Add(ref a, 2 * k);
        ref var a3 = ref Unsafe.Add(ref a, 3 * k);
        Vector256<float> c00 = bias0, c01 = bias1, c10 = bias0, c11 = bias1, c20 = bias0, c21 = bias1, c30 = bias0, c31 = bias1;
        for (var i = 0; i < k; i++)
        {
            var b0 = Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth));
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth + 8));
            var x = Vector256.Create(Unsafe.Add(ref a, i));
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a1, i));
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a2, i));
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a3, i));
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
        }
        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, 8);
        c10.StoreUnsafe(ref c, (nuint)n);
        c11.StoreUnsafe(ref c, (nuint)n + 8);
        c20.StoreUnsafe(ref c, (nuint)(2 * n));
        c21.StoreUnsafe(ref c, (nuint)(2 * n) + 8);
        c30.StoreUnsafe(ref c, (nuint)(3 * n));
        c31.StoreUnsafe(ref c, (nuint)(3 * n) + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Block1(ref float a, ref float b, ref float c, Vector256<float> bias0, Vector256<float> bias1)
    {
        Vector256<float> c0 = bias0, c1 = bias1;
        for (var i = 0; i < Inputs; i++)
        {
            var x = Vector256.Create(Unsafe.Add(ref a, i));
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth)), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth + 8)), c1);
        }
        c0.StoreUnsafe(ref c);
        c1.StoreUnsafe(ref c, 8);
    }
}
