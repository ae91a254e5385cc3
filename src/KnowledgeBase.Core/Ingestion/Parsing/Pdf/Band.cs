namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>A vertical band of a page between two x positions, in points.</summary>
internal readonly record struct Band(double Start, double End);
