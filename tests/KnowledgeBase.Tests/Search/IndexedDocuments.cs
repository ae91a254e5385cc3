using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Search;

/// <summary>Puts small documents with chosen metadata straight into a real index, one chunk each.</summary>
internal static class IndexedDocuments
{
    public static DocumentRecord Add(KeywordIndex index, string id, string text, DocumentMetadata metadata, string? language = "en")
    {
        var builder = new ExtractedTextBuilder();
        builder.AppendLine(text);
        var extracted = builder.Build(MediaTypes.PlainText, metadata.Title ?? id);
        var record = new DocumentRecord
        {
            Id = id,
            Source = $"/docs/{id}.txt",
            Title = metadata.Title ?? id,
            MediaType = MediaTypes.PlainText,
            ContentHash = id,
            SizeBytes = text.Length,
            PageCount = 1,
            ChunkCount = 1,
            IngestedAt = DateTimeOffset.UnixEpoch,
            Metadata = metadata,
            Language = language,
        };
        var chunk = new Chunk { Ordinal = 0, Text = text, Start = 0, End = text.Length, PageStart = 1, PageEnd = 1, Language = language };
        index.Replace(record, extracted, [chunk]);
        return record;
    }
}
