using System.IO.Compression;
using System.Text.Json;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Cluster;

/// <summary>
/// Log entries as gzip-compressed JSON: the index's own serialisation of records and extracted text (vectors as
/// shortest round-trip floats, so a replica stores exactly the bits the worker computed). Text compresses about
/// four to one, which keeps most documents under NATS's 1 MB message limit.
/// </summary>
internal static class IndexOperationCodec
{
    public static byte[] Encode(IndexOperation operation)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, operation, KeywordIndex.Json);
        }
        return buffer.ToArray();
    }

    public static IndexOperation Decode(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<IndexOperation>(gzip, KeywordIndex.Json)
            ?? throw new InvalidDataException("an index-log entry is empty");
    }
}
