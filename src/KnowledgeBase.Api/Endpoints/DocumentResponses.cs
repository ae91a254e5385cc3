using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Api.Endpoints;

/// <summary>A document in a listing.</summary>
internal sealed record DocumentSummary(
    string Id, string Title, string? Identifier, string? Type, string? Language, int? Year, string? Country,
    string? Status, string MediaType, int PageCount, int ChunkCount, DateTimeOffset IngestedAt, string Link)
{
    public static DocumentSummary From(DocumentRecord record, EditionIndex editions) => new(
        record.Id, record.Title, record.Metadata.Identifier, record.Metadata.Type, record.Language, record.Metadata.Year,
        record.Metadata.CountryCode, editions.StatusOf(record.Id), record.MediaType, record.PageCount, record.ChunkCount,
        record.IngestedAt, $"/api/documents/{record.Id}");
}

/// <summary>A page of <see cref="DocumentSummary"/>, ordered by title.</summary>
internal sealed record DocumentPage(int Total, int Top, int Skip, IReadOnlyList<DocumentSummary> Items);

/// <summary>
/// Everything known about one document. FileName is the leaf name it was ingested under (never a server path).
/// </summary>
internal sealed record DocumentDetail(
    string Id,
    string Title,
    string FileName,
    string MediaType,
    string ContentHash,
    long SizeBytes,
    int PageCount,
    int ChunkCount,
    DateTimeOffset IngestedAt,
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<int> ImageOnlyPages,
    IReadOnlyList<int> OcrPages,
    IReadOnlyList<string> Warnings,
    DocumentMetadata Metadata,
    string? Language,
    string? Status,
    IReadOnlyList<Edition> Editions,
    bool HasFile,
    string File,
    string Text);

/// <summary>The extracted text, page by page, as the index stores it.</summary>
internal sealed record DocumentText(string Id, string Title, IReadOnlyList<PageText> Pages);

/// <summary>One page's text; Source is "text" (the PDF's text layer), "ocr" (read from the image) or "none" (image only).</summary>
internal sealed record PageText(int Number, bool IsImageOnly, string Source, double? OcrConfidence, string Text);
