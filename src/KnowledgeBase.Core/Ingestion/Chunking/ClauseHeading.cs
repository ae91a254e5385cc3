namespace KnowledgeBase.Core.Ingestion.Chunking;

/// <summary>
/// A clause heading found in a document: Offset is where its line starts, Label the number or name that cites
/// it ("6.2", "Annex A", "A.1", "Bibliography"), Level 1 for a top-level clause.
/// </summary>
public sealed record ClauseHeading(int Offset, string Label, string Title, int Level)
{
    public string Display => Title.Length == 0 || Title == Label ? Label : $"{Label} {Title}";
}
