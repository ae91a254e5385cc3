using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Core.Ingestion.Pipeline.Steps;

/// <summary>
/// Embeds every chunk with its title and heading path. A passage whose text was embedded before by the same model
/// (an unchanged clause of a revised file, a re-run) takes its stored vector instead of being embedded again.
/// </summary>
internal sealed class EmbedStep(PassageEmbedder embedder, KeywordIndex index) : IIngestionStep
{
    public string Name => "embed";

    public bool IsExclusive => false;

    public async ValueTask ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Chunks.Select(c => EmbeddingText.For(context.Title, c.HeadingPath, c.Text)).ToList();
        var hashes = texts.Select(EmbeddingText.Hash).ToList();
        var stored = index.EmbeddingModel == embedder.ModelId ? index.FindEmbeddings(hashes) : new Dictionary<string, float[]>();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !stored.ContainsKey(hashes[i])).ToList();
        var fresh = await embedder.EmbedPassagesAsync(missing.Select(i => texts[i]).ToList(), cancellationToken);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            vectors[i] = stored.GetValueOrDefault(hashes[i])!;
        }
        for (var i = 0; i < missing.Count; i++)
        {
            vectors[missing[i]] = fresh[i];
        }
        context.Chunks = context.Chunks.Select((chunk, i) => chunk with { Embedding = vectors[i] }).ToList();
        context.EmbeddingModel = embedder.ModelId;
    }
}
