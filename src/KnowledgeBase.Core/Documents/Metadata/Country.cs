namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>An ITU member state: ISO 3166-1 alpha-2 code, English short name and ITU-D region.</summary>
public sealed record Country(string Code, string Name, string Region);
