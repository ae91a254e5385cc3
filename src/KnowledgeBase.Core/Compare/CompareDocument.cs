namespace KnowledgeBase.Core.Compare;

/// <summary>A document a row was searched in.</summary>
public sealed record CompareDocument(string Id, string Title, string? Type, int? Year, string? Language);
