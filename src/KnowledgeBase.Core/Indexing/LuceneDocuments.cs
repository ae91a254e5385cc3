using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Ingestion.Chunking;
using Lucene.Net.Documents;

namespace KnowledgeBase.Core.Indexing;

/// <summary>Maps our records and chunks to Lucene documents and back.</summary>
internal static class LuceneDocuments
{
    public static Document ForRecord(DocumentRecord record, ExtractedDocument extracted) =>
    [
        new StringField(IndexFields.Kind, IndexFields.DocumentKind, Field.Store.YES),
        new StringField(IndexFields.DocumentId, record.Id, Field.Store.YES),
        new StringField(IndexFields.Source, record.Source, Field.Store.YES),
        new StringField(IndexFields.ContentHash, record.ContentHash, Field.Store.YES),
        new StoredField(IndexFields.Record, JsonSerializer.Serialize(record, KeywordIndex.Json)),
        new StoredField(IndexFields.Extracted, JsonSerializer.Serialize(extracted, KeywordIndex.Json)),
    ];

    public static Document ForChunk(DocumentRecord record, Chunk chunk)
    {
        var mentions = IdentifierExtractor.Extract(chunk.Text).Select(i => i.ToLowerInvariant());
        var language = LanguageFields.Normalize(chunk.Language ?? record.Language);
        var heading = string.Join(" > ", chunk.HeadingPath);
        Document document =
        [
            new StringField(IndexFields.Kind, IndexFields.ChunkKind, Field.Store.YES),
            new StringField(IndexFields.DocumentId, record.Id, Field.Store.YES),
            new StringField(IndexFields.Source, record.Source, Field.Store.YES),
            new StoredField(IndexFields.Title, record.Title),
            new StoredField(IndexFields.DisplayIdentifier, record.Metadata.Identifier ?? ""),
            new StoredField(IndexFields.Heading, heading),
            new StoredField(IndexFields.Body, chunk.Text),
            new StringField(IndexFields.Language, chunk.Language ?? record.Language ?? "und", Field.Store.YES),
            new TextField(LanguageFields.Field(IndexFields.Title, language), record.Title, Field.Store.NO),
            new TextField(LanguageFields.Field(IndexFields.Heading, language), heading, Field.Store.NO),
            new TextField(LanguageFields.Field(IndexFields.Body, language), chunk.Text, Field.Store.NO),
            new StringField(IndexFields.Clause, chunk.Clause ?? "", Field.Store.YES),
            new TextField(IndexFields.Identifiers, string.Join(' ', record.Identifiers.Select(i => i.ToLowerInvariant())), Field.Store.NO),
            new TextField(IndexFields.Mentions, string.Join(' ', mentions), Field.Store.NO),
            new StoredField(IndexFields.Ordinal, chunk.Ordinal),
            new StoredField(IndexFields.PageStart, chunk.PageStart),
            new StoredField(IndexFields.PageEnd, chunk.PageEnd),
            new StoredField(IndexFields.CharStart, chunk.Start),
            new StoredField(IndexFields.CharEnd, chunk.End),
            new StoredField(IndexFields.IsTable, chunk.IsTable ? 1 : 0),
        ];
        AddFilterFields(document, record.Metadata);
        if (chunk.Embedding is { } embedding)
        {
            document.Add(new BinaryDocValuesField(IndexFields.Vector, new Lucene.Net.Util.BytesRef(VectorCodec.Encode(embedding))));
            document.Add(new StringField(IndexFields.EmbeddedTextHash, Embeddings.EmbeddingText.Hash(record, chunk), Field.Store.NO));
        }
        return document;
    }

    /// <summary>The document's metadata on each of its chunks, so filters restrict chunks directly.</summary>
    private static void AddFilterFields(Document document, DocumentMetadata metadata)
    {
        void Add(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                document.Add(new StringField(field, IndexFields.FilterValue(value), Field.Store.NO));
            }
        }
        Add(IndexFields.FilterType, metadata.Type);
        Add(IndexFields.FilterSeries, metadata.Series);
        Add(IndexFields.FilterIdentifier, metadata.Identifier);
        Add(IndexFields.FilterIdentifier, metadata.BaseIdentifier);
        Add(IndexFields.FilterStudyGroup, metadata.StudyGroup);
        Add(IndexFields.FilterQuestion, metadata.Question);
        Add(IndexFields.FilterPeriod, metadata.StudyPeriod);
        Add(IndexFields.FilterCountry, metadata.CountryCode);
        Add(IndexFields.FilterRegion, metadata.Region);
        if (metadata.Year is { } year)
        {
            document.Add(new Int32Field(IndexFields.FilterYear, year, Field.Store.NO));
        }
    }
}
