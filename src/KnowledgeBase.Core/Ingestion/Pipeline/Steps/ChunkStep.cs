using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>
/// Cuts the extracted text into clause-aware chunks. A document without any text (scanned pages awaiting OCR)
/// still gets one empty chunk spanning its pages, so its title and identifier find it.
/// </summary>
internal sealed class ChunkStep(StructureChunker chunker) : IIngestionStep
{
    public string Name => "chunk";

    public bool IsExclusive => false;

    public ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var extracted = context.Extracted!;
        var chunks = chunker.Chunk(extracted);
        context.Chunks = chunks.Count > 0 ? chunks :
        [
            new Chunk { Ordinal = 0, Text = "", Start = 0, End = 0, PageStart = 1, PageEnd = Math.Max(1, extracted.PageCount) },
        ];
        return ValueTask.CompletedTask;
    }
}
