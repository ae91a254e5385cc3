using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;
using Microsoft.ML.OnnxRuntime;

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
        Assert.Null(second.Model); // left for ONNX Runtime to read from the entry
        Assert.Equal(first.Model, File.ReadAllBytes(Path.Combine(second.Folder!, "model.onnx")));
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

    [Fact]
    public void OptimisedGraph_IsKeptInTheEntry_AndALaterSessionReadsIt_GivingTheSameOutput()
    {
        var prepared = TinyEntry("entry");

        using var first = OnnxModelFolder.Open("tiny", prepared, Options);
        var kept = Assert.Single(Directory.GetFiles(prepared.Folder!));
        var written = File.GetLastWriteTimeUtc(kept);
        using var second = OnnxModelFolder.Open("tiny", prepared, Options);

        Assert.Matches(@"optimised-[0-9a-f]{12}\.onnx$", kept);
        Assert.Equal(written, File.GetLastWriteTimeUtc(kept)); // read, not written again
        Assert.Single(Directory.GetFiles(prepared.Folder!)); // and no staging file left behind
        Assert.Equal(Run(first), Run(second));
    }

    [Fact]
    public void DamagedOptimisedGraph_IsOptimisedAndWrittenAgain()
    {
        var prepared = TinyEntry("entry");
        using (OnnxModelFolder.Open("tiny", prepared, Options))
        {
        }
        var kept = Assert.Single(Directory.GetFiles(prepared.Folder!));
        File.WriteAllText(kept, "not a model");

        using var session = OnnxModelFolder.Open("tiny", prepared, Options);

        Assert.Equal(TinyOnnxModel.Row(2, 4), Run(session)[4..8]);
        using var again = OnnxModelFolder.Open("tiny", prepared, Options);
        Assert.Equal(Run(session), Run(again));
    }

    [Fact]
    public void EntryWhereTheOptimisedGraphCannotBeWritten_StillLoads()
    {
        var prepared = TinyEntry("entry") with { Folder = _temp.Combine("entry", "gone") };

        using var session = OnnxModelFolder.Open("tiny", prepared, Options);

        Assert.Equal(TinyOnnxModel.Row(2, 4), Run(session)[4..8]);
        Assert.False(Directory.Exists(prepared.Folder));
    }

    private static EmbeddingOptions Options => new EmbeddingOptions().Resolved(builtin: false);

    private PreparedModelCache.Prepared TinyEntry(string folder)
    {
        Directory.CreateDirectory(_temp.Combine(folder));
        return new PreparedModelCache.Prepared(TinyOnnxModel.Build(TinyOnnxModel.Table(5, 4)), "tiny", Unpadded: false, Vocabulary: null, _temp.Combine(folder));
    }

    /// <summary>last_hidden_state for the tokens 1, 2, 3: the tiny model's rows for them, one after another.</summary>
    private static float[] Run(InferenceSession session)
    {
        long[] ids = [1, 2, 3];
        using var runOptions = new RunOptions();
        using var idValue = OrtValue.CreateTensorValueFromMemory(ids, [1, 3]);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1, 1 }, [1, 3]);
        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask"], [idValue, maskValue], ["last_hidden_state"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => _temp.Dispose();
}
