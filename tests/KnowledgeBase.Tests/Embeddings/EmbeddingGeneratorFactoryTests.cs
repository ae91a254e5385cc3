using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Embeddings;

public sealed class EmbeddingGeneratorFactoryTests
{
    [Theory]
    [InlineData("magic", "Embeddings:Provider")]
    [InlineData("onnx", "Embeddings:ModelPath")]
    [InlineData("openai", "Embeddings:")]
    public void BadConfiguration_IsAConfigurationError_NamingTheKey(string provider, string key)
    {
        using var temp = new TempFolder();
        var options = new EmbeddingOptions { Provider = provider, ModelPath = temp.Combine("missing") };

        var error = Assert.Throws<ConfigurationException>(() => EmbeddingGeneratorFactory.Create(options));

        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builtin_WithAFolderWithoutTheModel_SaysHowToFetchIt()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ConfigurationException>(() =>
            EmbeddingGeneratorFactory.Create(new EmbeddingOptions { Provider = "builtin", ModelPath = temp.Path }));

        Assert.StartsWith("Embeddings:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("tools/fetch-model.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builtin_ByDefault_LoadsTheFetchedModel_AndNoneDisablesEmbedding()
    {
        using var generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions());

        Assert.Equal("use-lite-en-0.2.0", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        Assert.False(EmbeddingGeneratorFactory.IsEnabled(new EmbeddingOptions { Provider = "None" }));
    }
}
