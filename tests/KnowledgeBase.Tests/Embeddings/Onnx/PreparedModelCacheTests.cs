using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

public sealed class PreparedModelCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private int _prepared;

    private PreparedModelCache.Prepared Prepare()
    {
        _prepared++;
        return new PreparedModelCache.Prepared([1, 2, 3], "model-int8", Unpadded: true, Vocabulary: [4, 5]);
    }

    [Fact]
    public void SecondLoad_ReadsTheKeptEntry_WithoutPreparingAgain()
    {
        var source = _temp.Write("model.onnx", "source model");

        var first = PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, _temp.Combine(".cache"));
        var second = PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, _temp.Combine(".cache"));

        Assert.Equal(1, _prepared);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Vocabulary, second.Vocabulary);
        Assert.Equal(("model-int8", true), (second.ModelId, second.Unpadded));
    }

    [Fact]
    public void ChangedSourceOrPrecision_IsPreparedAgain()
    {
        var source = _temp.Write("model.onnx", "source model");
        PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, _temp.Combine(".cache"));

        PreparedModelCache.GetOrPrepare(source, "model", "fp32", Prepare, _temp.Combine(".cache"));
        File.WriteAllText(source, "another source model");
        PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, _temp.Combine(".cache"));

        Assert.Equal(3, _prepared);
        // The int8 entry of the old source was replaced by the new one; the fp32 entry is another model's.
        Assert.Equal(2, Directory.GetDirectories(_temp.Combine(".cache", "knowledgebase", "models")).Length);
    }

    [Fact]
    public void CacheThatCannotBeWritten_IsNotUsed_AndTheModelStillLoads()
    {
        var source = _temp.Write("model.onnx", "source model");
        var notAFolder = _temp.Write("cache", "a file where the cache folder would be");

        var first = PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, notAFolder);
        PreparedModelCache.GetOrPrepare(source, "model", "int8", Prepare, notAFolder);

        Assert.Equal([1, 2, 3], first.Model);
        Assert.Equal(2, _prepared);
    }

    public void Dispose() => _temp.Dispose();
}
