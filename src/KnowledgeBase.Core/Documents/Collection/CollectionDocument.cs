namespace KnowledgeBase.Core.Documents.Collection;

/// <summary>One document as the collection picture shows it: enough to place a mark and to name it.</summary>
public sealed record CollectionDocument(
    string Id, string Title, string? Identifier, string? Type, string? Language, int? Year, string Link);
