using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace KnowledgeBase.Core.Indexing;

/// <summary>Float vectors as little-endian bytes, the layout stored in the index whatever the machine.</summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }
        return bytes;
    }

    public static void Decode(ReadOnlySpan<byte> bytes, Span<float> into)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(into);
            return;
        }
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }
}
