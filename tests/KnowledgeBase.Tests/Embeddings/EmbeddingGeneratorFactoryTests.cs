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
    public void Builtin_WithABadSetting_NamesTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            EmbeddingGeneratorFactory.Create(new EmbeddingOptions { Provider = "builtin", Pooling = "max" }));

        Assert.StartsWith("Embeddings:Pooling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builtin_ByDefault_LoadsArcticEmbedXsFromItsPackage_AndNoneDisablesEmbedding()
    {
        using var generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("builtin", metadata?.ProviderName);
        Assert.Equal("snowflake-arctic-embed-xs-int8", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
        Assert.False(EmbeddingGeneratorFactory.IsEnabled(new EmbeddingOptions { Provider = "None" }));
    }

    [Fact]
    public void Builtin_AtFullPrecision_IsRecordedWithoutInt8_SoAnIndexOfOneIsNotSearchedWithTheOther()
    {
        using var generator = EmbeddingGeneratorFactory.Create(new EmbeddingOptions { Precision = "fp32" });

        Assert.Equal("snowflake-arctic-embed-xs", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void Builtin_WithAnUnknownPrecision_NamesTheKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => EmbeddingGeneratorFactory.Create(new EmbeddingOptions { Precision = "fp16" }));

        Assert.StartsWith("Embeddings:Precision", error.Message, StringComparison.Ordinal);
    }
}
