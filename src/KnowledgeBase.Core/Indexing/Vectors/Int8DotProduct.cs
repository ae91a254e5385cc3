using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>
/// Exact int8 · int8 dot product in int, vectorised. Each product of two sbytes fits a short (|-128 · -128| = 16384),
/// so the vectors are widened to shorts, multiplied, and the products widened into int lanes. Exact for lengths up
/// to 131072 (beyond that the int sum itself could overflow, as the scalar one would).
/// </summary>
public static class Int8DotProduct
{
    /// <summary>Σ a[i]·b[i] over equal-length spans.</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lengths differ: {a.Length} and {b.Length}.", nameof(b));
        }
        return DotUnchecked(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), a.Length);
    }

    /// <summary>The scalar definition the vector paths must equal; tests and the benchmark compare against it.</summary>
    public static int DotScalar(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lengths differ: {a.Length} and {b.Length}.", nameof(b));
        }
        var sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DotUnchecked(ref sbyte a, ref sbyte b, int length)
    {
        nuint i = 0;
        var n = (nuint)length;
        var sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= (nuint)Vector256<sbyte>.Count)
        {
            var acc = Vector256<int>.Zero;
            for (; i + (nuint)Vector256<sbyte>.Count <= n; i += (nuint)Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref a, i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref b, i));
                acc += MultiplyWiden(aLow, bLow) + MultiplyWiden(aHigh, bHigh);
            }
            sum = Vector256.Sum(acc);
        }
        if (Vector128.IsHardwareAccelerated && i + (nuint)Vector128<sbyte>.Count <= n)
        {
            var acc = Vector128<int>.Zero;
            for (; i + (nuint)Vector128<sbyte>.Count <= n; i += (nuint)Vector128<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref a, i));
                var (bLow, bHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref b, i));
                acc += MultiplyWiden(aLow, bLow) + MultiplyWiden(aHigh, bHigh);
            }
            sum += Vector128.Sum(acc);
        }
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref a, i) * Unsafe.Add(ref b, i);
        }
        return sum;
    }

    // Products of two sbytes fit a short, so multiply in shorts and then widen the pairs into ints; on x86 vpmaddwd
    // does the multiply and the pairwise add in one instruction, which the portable form cannot express.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> MultiplyWiden(Vector256<short> a, Vector256<short> b)
    {
        if (Avx2.IsSupported)
        {
            return Avx2.MultiplyAddAdjacent(a, b);
        }
        var (low, high) = Vector256.Widen(a * b);
        return low + high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> MultiplyWiden(Vector128<short> a, Vector128<short> b)
    {
        if (Sse2.IsSupported)
        {
            return Sse2.MultiplyAddAdjacent(a, b);
        }
        var (low, high) = Vector128.Widen(a * b);
        return low + high;
    }
}
