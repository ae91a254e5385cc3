using System.Text.Json;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

/// <summary>The tokenizer files a model folder may bring besides vocab.txt: XLM-R SentencePiece and tokenizer.json.</summary>
public sealed class TokenizerFilesTests : IDisposable
{
    private const int Width = 8;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sentencepiece_ids_are_shifted_to_the_fairseq_numbering_XLM_R_models_expect()
    {
        // fairseq: <s>=0, <pad>=1, </s>=2, <unk>=3, then each SentencePiece id + 1 ("▁alpha" 3 -> 4, "▁beta" 4 -> 5).
        var table = TinyOnnxModel.Table(TinySentencePieceModel.Pieces.Length + 1, Width);
        using var generator = Load(table, "sentencepiece.bpe.model", TinySentencePieceModel.Build());

        var vector = (await generator.GenerateAsync(["alpha beta"]))[0].Vector;

        AssertClose(Mean(table, 0, 4, 5, 2), vector);
    }

    [Fact]
    public async Task Sentencepiece_batches_pad_with_the_XLM_R_pad_id_and_match_one_at_a_time()
    {
        var table = TinyOnnxModel.Table(TinySentencePieceModel.Pieces.Length + 1, Width);
        using var generator = Load(table, "sentencepiece.bpe.model", TinySentencePieceModel.Build(), batchSize: 2);

        var batched = await generator.GenerateAsync(["gamma", "alpha beta gamma"]);

        AssertClose(Mean(table, 0, 6, 2), batched[0].Vector);
        AssertClose(Mean(table, 0, 4, 5, 6, 2), batched[1].Vector);
    }

    [Fact]
    public async Task A_WordPiece_tokenizer_json_works_like_its_vocab_txt()
    {
        string[] vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "alpha", "beta"];
        var table = TinyOnnxModel.Table(vocabulary.Length, Width);
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            model = new { type = "WordPiece", vocab = vocabulary.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i) },
        });
        using var generator = Load(table, "tokenizer.json", json);

        var vector = (await generator.GenerateAsync(["beta alpha"]))[0].Vector;

        AssertClose(Mean(table, 2, 6, 5, 3), vector);
    }

    [Fact]
    public void A_Unigram_tokenizer_json_is_refused_with_the_files_to_bring_instead()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { model = new { type = "Unigram", vocab = new[] { new object[] { "<unk>", 0.0 } } } });

        var error = Assert.Throws<InvalidOperationException>(() => Load(TinyOnnxModel.Table(4, Width), "tokenizer.json", json));

        Assert.StartsWith("Embeddings:ModelPath:", error.Message);
        Assert.Contains("Unigram", error.Message);
        Assert.Contains("sentencepiece.bpe.model", error.Message);
    }

    private OnnxEmbeddingGenerator Load(float[][] table, string tokenizerFile, byte[] tokenizer, int batchSize = 32)
    {
        var folder = _temp.Folder("model");
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), TinyOnnxModel.Build(table));
        File.WriteAllBytes(Path.Combine(folder, tokenizerFile), tokenizer);
        return OnnxEmbeddingGenerator.Load(new EmbeddingOptions { ModelPath = folder, Normalize = false, BatchSize = batchSize });
    }

    private static float[] Mean(float[][] table, params int[] ids) =>
        Enumerable.Range(0, Width).Select(j => ids.Sum(id => table[id][j]) / ids.Length).ToArray();

    private static void AssertClose(float[] expected, ReadOnlyMemory<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Span[i]) < 1e-5f, $"[{i}] expected {expected[i]}, got {actual.Span[i]}");
        }
    }
}
