using KnowledgeBase.Core.Embeddings;


namespace KnowledgeBase.Tests.Support;

/// <summary>The built-in embedding model, fetched by tools/fetch-model.sh into models/, loaded once per test run.</summary>
internal static class TestModels
{
    private static readonly Lazy<UniversalSentenceEncoder> Encoder = new(() => UniversalSentenceEncoder.Load(Path.Combine(TestPaths.RepoRoot, "models", "use-lite")));

    public static UniversalSentenceEncoder UseLite => Encoder.Value;

    public static PassageEmbedder Embedder(CountingEmbeddingGenerator? generator = null) =>
        new(generator ?? new CountingEmbeddingGenerator(UseLite), new EmbeddingOptions());
}
