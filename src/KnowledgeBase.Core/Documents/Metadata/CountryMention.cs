namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>A country named in a text: the country, and the words that named it as they were written.</summary>
public sealed record CountryMention(Country Country, string Text, int Start);
