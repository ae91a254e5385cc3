namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>The outcome of a whole run, with the figures the CLI prints.</summary>
public sealed record IngestionSummary(IReadOnlyList<IngestionOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Ingested => Outcomes.Count(o => o.Status is IngestionStatus.Indexed or IngestionStatus.Replaced);

    public int Pages => Outcomes.Where(o => !o.IsSkipped).Sum(o => o.Pages);

    public int Chunks => Outcomes.Where(o => !o.IsSkipped).Sum(o => o.Chunks);

    public int Failed => Outcomes.Count(o => o.Status == IngestionStatus.Failed);

    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;

    /// <summary>A run fails only when it had files and none of them is now in the index.</summary>
    public bool NothingIngested => Outcomes.Count == 0 || Outcomes.All(o => o.Status == IngestionStatus.Failed);
}
