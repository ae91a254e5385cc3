using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Lucene 4.6's index format with stored fields compressed in 4 KB blocks instead of 16 KB. Showing a hit reads its
/// stored fields, and Lucene decompresses the hit's block up to the hit: with 16 KB blocks that was 94% of reading a
/// page of 10 hits (about 0.5 ms, `page-stages`). Segments written before keep their format and stay readable;
/// merges rewrite them in this one.
/// </summary>
[CodecName("KnowledgeBase46")]
public sealed class SmallBlockCodec() : FilterCodec(new Lucene46Codec())
{
    private const int BlockBytes = 4 * 1024;

    private readonly StoredFieldsFormat _storedFields =
        new CompressingStoredFieldsFormat("KnowledgeBaseStoredFields", CompressionMode.FAST, BlockBytes);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>
    /// Lets Lucene find this codec by the name written in each segment, before any index is opened in the process:
    /// a segment whose codec cannot be found cannot be read.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Every way into an index goes through this library, and must find the codec first.")]
    internal static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SmallBlockCodec)] });
}
