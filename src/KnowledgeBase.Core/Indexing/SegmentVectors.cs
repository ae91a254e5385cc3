using KnowledgeBase.Core.Indexing.Vectors;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// The vectors of one Lucene segment, read once into one contiguous array. Segments never change after they are
/// written, so this stays valid for the segment's life; deletions are applied at search time from live docs.
/// </summary>
internal sealed class SegmentVectors
{
    private SegmentVectors(int[] documents, VectorBlock block)
    {
        Documents = documents;
        Block = block;
    }

    /// <summary>The segment-local Lucene doc of each row.</summary>
    public int[] Documents { get; }

    /// <summary>int8 codes for the scan, with the float vectors kept for re-scoring the best candidates.</summary>
    public VectorBlock Block { get; }

    public static SegmentVectors Load(AtomicReader reader)
    {
        var values = reader.GetBinaryDocValues(IndexFields.Vector);
        var withVectors = reader.GetDocsWithField(IndexFields.Vector);
        if (values is null || withVectors is null)
        {
            // A segment of rows without vectors (a document's record alone): no rows. A block needs a width of at
            // least one, which no query has to match since a search skips blocks without rows.
            return new SegmentVectors([], VectorBlock.FromRowMajor([], 1));
        }
        var documents = Enumerable.Range(0, reader.MaxDoc).Where(withVectors.Get).ToList();
        var bytes = new BytesRef();
        if (documents.Count > 0)
        {
            values.Get(documents[0], bytes);
        }
        // One model embeds a whole index, so every vector has the first one's length.
        var dimensions = bytes.Length / sizeof(float);
        var matrix = new float[documents.Count * dimensions];
        for (var row = 0; row < documents.Count; row++)
        {
            values.Get(documents[row], bytes);
            VectorCodec.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), matrix.AsSpan(row * dimensions, dimensions));
        }
        return new SegmentVectors([.. documents], VectorBlock.FromRowMajor(matrix, dimensions));
    }
}
