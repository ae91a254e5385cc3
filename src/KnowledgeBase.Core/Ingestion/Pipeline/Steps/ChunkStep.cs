using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>Cuts the extracted text into clause-aware chunks.</summary>
internal sealed class ChunkStep(StructureChunker chunker) : IIngestionStep
{
    public string Name => "chunk";

    public bool IsExclusive => false;

    public void Execute(IngestionContext context, CancellationToken cancellationToken) =>
        context.Chunks = chunker.Chunk(context.Extracted!);
}
