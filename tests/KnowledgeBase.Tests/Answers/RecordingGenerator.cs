using KnowledgeBase.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Answers;

/// <summary>The real model, with a record of what it was asked to embed and whether as query or as passage.</summary>
internal sealed class RecordingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public List<(bool IsQuery, List<string> Inputs)> Calls { get; } = [];

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        lock (Calls)
        {
            Calls.Add((EmbeddingInput.IsQuery(options), inputs));
        }
        return base.GenerateAsync(inputs, options, cancellationToken);
    }
}
