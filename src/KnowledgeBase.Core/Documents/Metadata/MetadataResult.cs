namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// The metadata found in one document and what could not be found or did not agree ("no date found",
/// "identifier in file name X.1056 differs from cover X.1057: kept cover"). Warnings never block ingestion.
/// </summary>
public sealed record MetadataResult(DocumentMetadata Metadata, IReadOnlyList<string> Warnings);
