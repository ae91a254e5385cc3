using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Support;

/// <summary>The built-in embedding model (restored from NuGet with the solution), loaded once per test run.</summary>
internal static class TestModels
{
    /// <summary>What the index records for the built-in model.</summary>
    public const string BuiltinId = "builtin:snowflake-arctic-embed-xs-int8:384";

    private static readonly Lazy<OnnxEmbeddingGenerator> Generator = new(() => OnnxEmbeddingGenerator.LoadBuiltin(new EmbeddingOptions()));

    public static IEmbeddingGenerator<string, Embedding<float>> Builtin => Generator.Value;

    public static PassageEmbedder Embedder(CountingEmbeddingGenerator? generator = null) =>
        new(generator ?? new CountingEmbeddingGenerator(Builtin), new EmbeddingOptions());
}
