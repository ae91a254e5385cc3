namespace KnowledgeBase.Core.Compare;

/// <summary>
/// A row: a country (Key is its ISO code) or, when documents were listed, one document (Key is its id).
/// </summary>
public sealed record CompareRow(string Key, string Label, string? CountryCode, string? Region, IReadOnlyList<CompareDocument> Documents);
