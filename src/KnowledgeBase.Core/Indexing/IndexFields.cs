namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// Field names of the Lucene index. Each chunk is one Lucene document of kind "chunk"; each source document has
/// one more of kind "document" holding its metadata and its extracted text, so it can be re-chunked without
/// parsing the file again. Both carry the document id, so one delete removes all of it.
/// </summary>
internal static class IndexFields
{
    public const string Kind = "kind";
    public const string ChunkKind = "chunk";
    public const string DocumentKind = "document";

    public const string DocumentId = "doc_id";
    public const string Source = "source";
    public const string ContentHash = "content_hash";
    public const string Title = "title";

    // Chunk fields. Title, heading and body are stored once and indexed per language as "body_fr" and so on.
    public const string Heading = "heading";
    public const string Clause = "clause";
    public const string Body = "body";
    public const string Language = "lang";
    public const string Identifiers = "ids";
    public const string DisplayIdentifier = "identifier";
    public const string Mentions = "mentions";
    public const string Ordinal = "ordinal";
    public const string PageStart = "page_start";
    public const string PageEnd = "page_end";
    public const string CharStart = "char_start";
    public const string CharEnd = "char_end";
    public const string IsTable = "is_table";

    /// <summary>The chunk's embedding as little-endian float32 binary doc values, committed with the chunk itself.</summary>
    public const string Vector = "vector";

    /// <summary>SHA-256 of the text that was embedded, so an unchanged passage reuses its stored vector.</summary>
    public const string EmbeddedTextHash = "embedded_hash";

    /// <summary>Commit user data key naming the embedding model of every vector in the index.</summary>
    public const string EmbeddingModelCommitKey = "embedding_model";

    // Filter fields on every chunk: the document's metadata, lower-cased, indexed but not stored.
    public const string FilterType = "f_type";
    public const string FilterSeries = "f_series";
    public const string FilterIdentifier = "f_identifier";
    public const string FilterStudyGroup = "f_sg";
    public const string FilterQuestion = "f_question";
    public const string FilterPeriod = "f_period";
    public const string FilterCountry = "f_country";
    public const string FilterRegion = "f_region";
    public const string FilterYear = "f_year";

    // Document fields
    public const string Record = "record_json";
    public const string Extracted = "extracted_json";

    /// <summary>The lower-cased form every filter value is indexed and compared in.</summary>
    public static string FilterValue(string value) => value.Trim().ToLowerInvariant();
}
