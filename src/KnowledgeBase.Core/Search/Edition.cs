namespace KnowledgeBase.Core.Search;

/// <summary>One document in an edition chain, newest first; Status is "in-force" or "superseded".</summary>
public sealed record Edition(string DocumentId, string Identifier, string? ApprovalDate, string Status, string? ModificationKind);
