using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// The matrix product the encoder spends nearly all its time in (TensorPrimitives has none): C = A · B (+ bias),
/// B stored as column panels 16 wide so the inner loop reads it front to back; 4 rows × 16 columns of accumulators,
/// one broadcast and two loads per step. Used for the weights (packed once) and for attention (packed per head).
/// </summary>
internal static class MatrixKernel
{
    public const int PanelWidth = 16;
    private const int RowBlock = 4;

    /// <summary>Columns rounded up to whole panels.</summary>
    public static int PaddedWidth(int columns) => (columns + PanelWidth - 1) / PanelWidth * PanelWidth;

    /// <summary>Packs B (rows × columns, row i at source[i * stride]) into panels; missing columns are zeros.</summary>
    public static void Pack(ReadOnlySpan<float> source, int rows, int columns, int stride, Span<float> panels)
    {
        var panelCount = PaddedWidth(columns) / PanelWidth;
        panels[..(panelCount * rows * PanelWidth)].Clear();
        for (var panel = 0; panel < panelCount; panel++)
        {
            var width = Math.Min(PanelWidth, columns - panel * PanelWidth);
            for (var row = 0; row < rows; row++)
            {
                source.Slice(row * stride + panel * PanelWidth, width).CopyTo(panels.Slice((panel * rows + row) * PanelWidth, width));
            }
        }
    }

    /// <summary>Packs the transpose of A (rows × columns, row i at source[i * stride]): B = Aᵀ has <paramref name="columns"/> rows.</summary>
    public static void PackTransposed(ReadOnlySpan<float> source, int rows, int columns, int stride, Span<float> panels)
    {
        var panelCount = PaddedWidth(rows) / PanelWidth;
        panels[..(panelCount * columns * PanelWidth)].Clear();
        for (var row = 0; row < rows; row++)
        {
            var panel = row / PanelWidth;
            var lane = row % PanelWidth;
            var values = source.Slice(row * stride, columns);
            for (var k = 0; k < columns; k++)
            {
                panels[(panel * columns + k) * PanelWidth + lane] = values[k];
            }
        }
    }

    /// <summary>
    /// c[r * cStride + j] = Σₖ a[r * aStride + k] · B[k, j] + bias[j] for r &lt; rows, j &lt; PaddedWidth(outputs);
    /// an empty bias adds nothing.
    /// </summary>
    public static void Multiply(
        ReadOnlySpan<float> a, int rows, int aStride, ReadOnlySpan<float> panels, int inputs, int outputs,
        ReadOnlySpan<float> bias, Span<float> c, int cStride)
    {
        var panelCount = PaddedWidth(outputs) / PanelWidth;
        if (rows > 0 && (a.Length < (rows - 1) * aStride + inputs || c.Length < (rows - 1) * cStride + panelCount * PanelWidth
            || panels.Length < panelCount * inputs * PanelWidth || (!bias.IsEmpty && bias.Length < panelCount * PanelWidth)))
        {
            throw new ArgumentException("buffers too small for the matrix product");
        }
        ref var a0 = ref MemoryMarshal.GetReference(a);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        for (var panel = 0; panel < panelCount; panel++)
        {
            ref var b = ref Unsafe.Add(ref MemoryMarshal.GetReference(panels), panel * inputs * PanelWidth);
            var column = panel * PanelWidth;
            var bias0 = bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice(column, 8));
            var bias1 = bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice(column + 8, 8));
            var row = 0;
            for (; row + RowBlock <= rows; row += RowBlock)
            {
                Block4(ref Unsafe.Add(ref a0, row * aStride), aStride, ref b, inputs, ref Unsafe.Add(ref c0, row * cStride + column), cStride, bias0, bias1);
            }
            for (; row < rows; row++)
            {
                Block1(ref Unsafe.Add(ref a0, row * aStride), ref b, inputs, ref Unsafe.Add(ref c0, row * cStride + column), bias0, bias1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4(
        ref float a, int aStride, ref float b, int inputs, ref float c, int cStride, Vector256<float> bias0, Vector256<float> bias1)
    {
        ref var a1 = ref Unsafe.Add(ref a, aStride);
        ref var a2 = ref Unsafe.Add(ref a, 2 * aStride);
        ref var a3 = ref Unsafe.Add(ref a, 3 * aStride);
        Vector256<float> c00 = bias0, c01 = bias1, c10 = bias0, c11 = bias1, c20 = bias0, c21 = bias1, c30 = bias0, c31 = bias1;
        for (var i = 0; i < inputs; i++)
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
        var n = (nuint)cStride;
        c00.StoreUnsafe(ref c);
        c01.StoreUnsafe(ref c, 8);
        c10.StoreUnsafe(ref c, n);
        c11.StoreUnsafe(ref c, n + 8);
        c20.StoreUnsafe(ref c, 2 * n);
        c21.StoreUnsafe(ref c, 2 * n + 8);
        c30.StoreUnsafe(ref c, 3 * n);
        c31.StoreUnsafe(ref c, 3 * n + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1(ref float a, ref float b, int inputs, ref float c, Vector256<float> bias0, Vector256<float> bias1)
    {
        Vector256<float> c0 = bias0, c1 = bias1;
        for (var i = 0; i < inputs; i++)
        {
            var x = Vector256.Create(Unsafe.Add(ref a, i));
            c0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth)), c0);
            c1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref b, (nuint)(i * PanelWidth + 8)), c1);
        }
        c0.StoreUnsafe(ref c);
        c1.StoreUnsafe(ref c, 8);
    }
}
