namespace KnowledgeBase.Core.Documents.Collection;

/// <summary>An ITU-D region's countries that have documents, by name, and how many documents they hold together.</summary>
public sealed record RegionShelf(string Region, int DocumentCount, IReadOnlyList<CountryShelf> Countries);
