using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The vectors of one Lucene segment, read once into one contiguous array. Segments never change after they are
/// written, so this stays valid for the segment's life; deletions are applied at search time from live docs.
/// </summary>
internal sealed class SegmentVectors
{
    private SegmentVectors(int dimensions, int[] documents, float[] values)
    {
        Dimensions = dimensions;
        Documents = documents;
        Values = values;
    }

    public int Dimensions { get; }

    /// <summary>The segment-local Lucene doc of each row.</summary>
    public int[] Documents { get; }

    /// <summary>Row-major: row i is Values[i*Dimensions .. (i+1)*Dimensions].</summary>
    public float[] Values { get; }

    public int Count => Documents.Length;

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Dimensions, Dimensions);

    public static SegmentVectors Load(AtomicReader reader)
    {
        var values = reader.GetBinaryDocValues(IndexFields.Vector);
        var withVectors = reader.GetDocsWithField(IndexFields.Vector);
        if (values is null || withVectors is null)
        {
            return new SegmentVectors(0, [], []);
        }
        var documents = new List<int>();
        var dimensions = 0;
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (withVectors.Get(doc))
            {
                documents.Add(doc);
                values.Get(doc, bytes);
                dimensions = bytes.Length / sizeof(float);
            }
        }
        var matrix = new float[documents.Count * dimensions];
        for (var row = 0; row < documents.Count; row++)
        {
            values.Get(documents[row], bytes);
            VectorCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), matrix.AsSpan(row * dimensions, dimensions));
        }
        return new SegmentVectors(dimensions, [.. documents], matrix);
    }
}
