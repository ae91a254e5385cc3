namespace KnowledgeBase.Core.Documents.Collection;

/// <summary>A country's documents, oldest first (undated last).</summary>
public sealed record CountryShelf(string Code, string Name, IReadOnlyList<CollectionDocument> Documents);
