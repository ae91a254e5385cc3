namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// One named stage of ingestion (extract, chunk, index …). A step may be run again on the same file with the same
/// result. Steps that touch the index are <see cref="IsExclusive"/>: the runner runs them one file at a time.
/// </summary>
public interface IIngestionStep
{
    string Name { get; }

    bool IsExclusive { get; }

    /// <summary>Does the step's work; throws <see cref="DocumentRejectedException"/> when the file cannot go on.</summary>
    ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken);
}
