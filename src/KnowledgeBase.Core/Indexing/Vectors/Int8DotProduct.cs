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
    internal static int DotUnchecked(ref sbyte a, ref sbyte b, int length) =>
        Avx2.IsSupported ? DotCore<X86MultiplyAdd>(ref a, ref b, length) : DotCore<PortableMultiply>(ref a, ref b, length);

    /// <summary>The cross-platform form that ARM and other non-x86 machines run; x86 tests call it directly.</summary>
    internal static int DotPortable(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b) =>
        DotCore<PortableMultiply>(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), Math.Min(a.Length, b.Length));

    // The strategy is a struct type parameter, so the JIT compiles one specialised loop per strategy with no calls.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DotCore<TMultiply>(ref sbyte a, ref sbyte b, int length)
        where TMultiply : struct, IMultiplyWiden
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
                acc += TMultiply.MultiplyWiden(aLow, bLow) + TMultiply.MultiplyWiden(aHigh, bHigh);
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
                acc += TMultiply.MultiplyWiden(aLow, bLow) + TMultiply.MultiplyWiden(aHigh, bHigh);
            }
            sum += Vector128.Sum(acc);
        }
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref a, i) * Unsafe.Add(ref b, i);
        }
        return sum;
    }

    /// <summary>Multiplies short lanes and adds adjacent products into int lanes (exact: each product fits a short).</summary>
    private interface IMultiplyWiden
    {
        static abstract Vector256<int> MultiplyWiden(Vector256<short> a, Vector256<short> b);

        static abstract Vector128<int> MultiplyWiden(Vector128<short> a, Vector128<short> b);
    }

    // vpmaddwd / pmaddwd: multiply and pairwise add in one instruction, which the portable API cannot express.
    private readonly struct X86MultiplyAdd : IMultiplyWiden
    {
        public static Vector256<int> MultiplyWiden(Vector256<short> a, Vector256<short> b) => Avx2.MultiplyAddAdjacent(a, b);

        public static Vector128<int> MultiplyWiden(Vector128<short> a, Vector128<short> b) => Sse2.MultiplyAddAdjacent(a, b);
    }

    private readonly struct PortableMultiply : IMultiplyWiden
    {
        public static Vector256<int> MultiplyWiden(Vector256<short> a, Vector256<short> b)
        {
            var (low, high) = Vector256.Widen(a * b);
            return low + high;
        }

        public static Vector128<int> MultiplyWiden(Vector128<short> a, Vector128<short> b)
        {
            var (low, high) = Vector128.Widen(a * b);
            return low + high;
        }
    }
}
