using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace KnowledgeBase.Core.Indexing.Vectors;

/// <summary>
/// N vectors of D dimensions, quantised to int8 in one contiguous array (row-major, D bytes per row) with one float
/// scale per row, plus optionally the full floats for re-scoring. Typically one block per index segment.
/// Immutable after construction, so one block can serve concurrent searches.
/// </summary>
/// <remarks>
/// The stored scale is the quantiser's scale divided by the row's L2 norm, so that codes · query codes · scales
/// estimates the cosine even for vectors that are not unit length; for unit vectors it is the quantiser's scale.
/// </remarks>
public sealed class VectorBlock
{
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly float[]? _floats;
    private readonly FullVectorReader? _reader;

    private VectorBlock(int dimensions, sbyte[] codes, float[] scales, float[]? floats, FullVectorReader? reader)
    {
        Dimensions = dimensions;
        Count = scales.Length;
        _codes = codes;
        _scales = scales;
        _floats = floats;
        _reader = reader;
    }

    /// <summary>Number of rows.</summary>
    public int Count { get; }

    /// <summary>Dimensions of every row.</summary>
    public int Dimensions { get; }

    /// <summary>Bytes the scan reads per row: D int8 codes plus one float scale.</summary>
    public int BytesPerVector => Dimensions + sizeof(float);

    /// <summary>True when search re-scores this block's candidates with full floats (kept or read).</summary>
    public bool CanRescore => _floats is not null || _reader is not null;

    /// <summary>Bytes this block holds in memory: codes, scales and kept floats (floats behind a reader not counted).</summary>
    public long MemoryBytes => _codes.LongLength + (_scales.LongLength * sizeof(float)) + ((_floats?.LongLength ?? 0) * sizeof(float));

    /// <summary>The per-row scales (quantiser scale / row norm).</summary>
    public ReadOnlySpan<float> Scales => _scales;

    /// <summary>Quantises row-major floats (Count = values.Length / dimensions); keeps a copy of them when asked.</summary>
    public static VectorBlock FromRowMajor(ReadOnlySpan<float> values, int dimensions, bool keepFullVectors = true)
    {
        var (codes, scales) = Quantize(values, dimensions);
        return new VectorBlock(dimensions, codes, scales, keepFullVectors ? values.ToArray() : null, null);
    }

    /// <summary>Quantises row-major floats but re-scores with floats from <paramref name="fullVectors"/>.</summary>
    public static VectorBlock FromRowMajor(ReadOnlySpan<float> values, int dimensions, FullVectorReader fullVectors)
    {
        ArgumentNullException.ThrowIfNull(fullVectors);
        var (codes, scales) = Quantize(values, dimensions);
        return new VectorBlock(dimensions, codes, scales, null, fullVectors);
    }

    internal ReadOnlySpan<sbyte> CodesOf(int row) => _codes.AsSpan(row * Dimensions, Dimensions);

    // The array data reference is valid even for an empty block, where _codes[0] would throw.
    internal ref sbyte CodesReference => ref MemoryMarshal.GetArrayDataReference(_codes);

    internal float ScaleOf(int row) => _scales[row];

    /// <summary>The full vector of a row, or an empty span when the block cannot re-score.</summary>
    internal ReadOnlySpan<float> FullVector(int row) =>
        _floats is not null ? _floats.AsSpan(row * Dimensions, Dimensions)
        : _reader is not null ? _reader(row)
        : ReadOnlySpan<float>.Empty;

    private static (sbyte[] Codes, float[] Scales) Quantize(ReadOnlySpan<float> values, int dimensions)
    {
        CheckDimensions(dimensions);
        if (values.Length % dimensions != 0)
        {
            throw new ArgumentException($"{values.Length} values are not whole rows of {dimensions}.", nameof(values));
        }
        var count = values.Length / dimensions;
        var codes = new sbyte[values.Length];
        var scales = new float[count];
        for (var row = 0; row < count; row++)
        {
            var vector = values.Slice(row * dimensions, dimensions);
            var scale = Int8Quantizer.Quantize(vector, codes.AsSpan(row * dimensions, dimensions));
            var norm = TensorPrimitives.Norm(vector);
            scales[row] = norm > 0f && float.IsFinite(norm) ? scale / norm : 0f;
        }
        return (codes, scales);
    }

    private static void CheckDimensions(int dimensions) =>
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
}
