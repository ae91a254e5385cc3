namespace KnowledgeBase.Core.Search;

/// <summary>A candidate passage with its document and its score after the superseded-edition weight.</summary>
internal readonly record struct RankedPassage(int Doc, string DocumentId, float Score);
