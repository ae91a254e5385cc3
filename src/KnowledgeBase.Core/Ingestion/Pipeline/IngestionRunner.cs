using System.Diagnostics;
using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;
using KnowledgeBase.Core.Ingestion.Pipeline.Steps;

namespace KnowledgeBase.Core.Ingestion.Pipeline;

/// <summary>
/// Drives files through the steps read → extract → ocr → chunk → describe → embed → index, parsing and embedding on
/// every core while index commits happen one at a time. A file that fails is reported with its reason and never stops
/// the others. Without an embedding model the embed step is left out and the index holds no vectors; without an OCR
/// engine image-only pages stay unread.
/// </summary>
public sealed class IngestionRunner(
    ParserRegistry parsers, StructureChunker chunker, LanguageDetector languages, TimeProvider time, PassageEmbedder? embedder = null,
    OcrEngine? ocr = null)
{
    public Task<IngestionSummary> RunAsync(
        KeywordIndex index,
        IReadOnlyList<SourceFile> files,
        IProgress<IngestionOutcome>? progress,
        CancellationToken cancellationToken) =>
        RunAsync(index, files, progress, null, cancellationToken);

    /// <summary>Ingests <paramref name="files"/>; <paramref name="pageProgress"/> hears each page OCR reads.</summary>
    public async Task<IngestionSummary> RunAsync(
        KeywordIndex index,
        IReadOnlyList<SourceFile> files,
        IProgress<IngestionOutcome>? progress,
        IProgress<PageProgress>? pageProgress,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var documents = index.ListDocuments();
        CheckEmbeddingModel(index, documents.Count);
        var catalog = new IngestionCatalog(documents);
        var steps = Steps(index, catalog, new IndexStep(index, catalog, time));
        using var exclusive = new SemaphoreSlim(1, 1);
        var outcomes = new IngestionOutcome[files.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options, async (i, token) =>
        {
            outcomes[i] = await RunFileAsync(new IngestionContext(files[i]) { PageProgress = pageProgress }, [.. steps], exclusive, token);
            progress?.Report(outcomes[i]);
        });
        return new IngestionSummary(outcomes, stopwatch.Elapsed);
    }

    /// <summary>
    /// Runs one file through every step, with <paramref name="last"/> in place of the index step (a cluster worker
    /// publishes the document to the index log instead). <paramref name="embeddingCache"/> offers stored vectors.
    /// </summary>
    internal async Task<IngestionOutcome> RunFileAsync(SourceFile file, KeywordIndex embeddingCache, IIngestionStep last, CancellationToken cancellationToken)
    {
        using var exclusive = new SemaphoreSlim(1, 1);
        return await RunFileAsync(new IngestionContext(file), [.. Steps(embeddingCache, new IngestionCatalog([]), last)], exclusive, cancellationToken);
    }

    /// <summary>The model passages are embedded with; null when nothing is embedded.</summary>
    internal string? EmbeddingModelId => embedder?.ModelId;

    private List<IIngestionStep> Steps(KeywordIndex index, IngestionCatalog catalog, IIngestionStep last)
    {
        List<IIngestionStep> steps = [new ReadStep(catalog), new ExtractStep(parsers)];
        if (ocr is not null)
        {
            steps.Add(new OcrStep(ocr, languages));
        }
        steps.AddRange([new ChunkStep(chunker), new DescribeStep(languages)]);
        if (embedder is not null)
        {
            steps.Add(new EmbedStep(embedder, index));
        }
        steps.Add(last);
        return steps;
    }

    /// <summary>Every vector in an index comes from one model: new documents must be embedded by the index's own.</summary>
    private void CheckEmbeddingModel(KeywordIndex index, int documentCount)
    {
        if (EmbeddingModelMismatchException.Check(index.Path, index.EmbeddingModel, embedder?.ModelId, documentCount == 0) is { } mismatch)
        {
            throw mismatch;
        }
    }

    private static async Task<IngestionOutcome> RunFileAsync(
        IngestionContext context, IIngestionStep[] steps, SemaphoreSlim exclusive, CancellationToken cancellationToken)
    {
        var file = context.File;
        foreach (var step in steps)
        {
            if (context.Outcome is not null)
            {
                break;
            }
            if (step.IsExclusive)
            {
                await exclusive.WaitAsync(cancellationToken);
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                await step.ExecuteAsync(context, cancellationToken);
                IngestionMetrics.StepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("step", step.Name));
            }
            catch (DocumentRejectedException ex)
            {
                return new IngestionOutcome(file, IngestionStatus.Failed, Reason: ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not IndexUnavailableException && !DiskFull.Is(ex))
            {
                // (A full disk is no fault of this file: it ends the run, and the caller retries when there is space.)
                // A parser bug on one odd file must not end the run; the reason still says where it broke.
                return new IngestionOutcome(file, IngestionStatus.Failed, Reason: $"{step.Name} failed: {ex.Message}");
            }
            finally
            {
                if (step.IsExclusive)
                {
                    exclusive.Release();
                }
            }
        }
        return context.Outcome ?? new IngestionOutcome(file, IngestionStatus.Failed, Reason: "no step finished the file");
    }
}
