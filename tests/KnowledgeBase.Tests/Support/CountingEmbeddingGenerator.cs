using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Support;

/// <summary>
/// A real model under another name, counting what it embeds: how tests see cache hits and simulate a model change
/// without a second model download.
/// </summary>
internal sealed class CountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string? modelId = null)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private int _embedded;

    public int Embedded => _embedded;

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Interlocked.Add(ref _embedded, list.Count);
        return base.GenerateAsync(list, options, cancellationToken);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (modelId is not null && serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return new EmbeddingGeneratorMetadata("test", defaultModelId: modelId, defaultModelDimensions: 512);
        }
        return base.GetService(serviceType, serviceKey);
    }
}
