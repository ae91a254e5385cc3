using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Embeddings.Onnx;

public sealed class OnnxEmbeddingGeneratorTests : IDisposable
{
    private const int Width = 8;
    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "query", "passage", ":", "alpha", "beta", "gamma", "delta", "epsilon"];

    private readonly TempFolder _temp = new();
    private readonly float[][] _table = TinyOnnxModel.Table(Vocabulary.Length, Width);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Mean_pooling_averages_the_rows_of_the_tokens_the_mask_keeps()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false, BatchSize = 2 });

        // Batched with a longer input, so "alpha" is padded and the padding rows must not count.
        var vectors = await generator.GenerateAsync(["alpha", "beta gamma delta epsilon"]);

        AssertClose(MeanOf("[CLS]", "alpha", "[SEP]"), vectors[0].Vector);
        AssertClose(MeanOf("[CLS]", "beta", "gamma", "delta", "epsilon", "[SEP]"), vectors[1].Vector);
    }

    [Fact]
    public async Task Cls_pooling_takes_the_first_token()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false, Pooling = "cls" });

        var vector = (await generator.GenerateAsync(["alpha beta"]))[0].Vector;

        AssertClose(_table[Id("[CLS]")], vector);
    }

    [Fact]
    public async Task Normalisation_gives_unit_length_in_the_same_direction()
    {
        using var raw = Load(new EmbeddingOptions { Normalize = false });
        using var unit = Load(new EmbeddingOptions { Normalize = true });

        var rawVector = (await raw.GenerateAsync(["gamma delta"]))[0].Vector.ToArray();
        var unitVector = (await unit.GenerateAsync(["gamma delta"]))[0].Vector.ToArray();

        var length = MathF.Sqrt(rawVector.Sum(x => x * x));
        Assert.InRange(MathF.Sqrt(unitVector.Sum(x => x * x)), 0.999f, 1.001f);
        AssertClose(rawVector.Select(x => x / length).ToArray(), unitVector);
    }

    [Fact]
    public async Task Query_and_passage_prefixes_become_tokens()
    {
        using var generator = Load(new EmbeddingOptions
        {
            Normalize = false, QueryPrefix = "query: ", PassagePrefix = "passage: ",
        });

        var query = (await generator.GenerateAsync(["alpha"], EmbeddingInput.Query()))[0].Vector;
        var passage = (await generator.GenerateAsync(["alpha"], EmbeddingInput.Passage()))[0].Vector;
        var unmarked = (await generator.GenerateAsync(["alpha"]))[0].Vector;

        AssertClose(MeanOf("[CLS]", "query", ":", "alpha", "[SEP]"), query);
        AssertClose(MeanOf("[CLS]", "passage", ":", "alpha", "[SEP]"), passage);
        AssertClose(passage.ToArray(), unmarked);
    }

    [Fact]
    public async Task MaxTokens_cuts_the_text_and_keeps_the_end_token()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false, MaxTokens = 4 });

        var vector = (await generator.GenerateAsync(["alpha beta gamma delta"]))[0].Vector;

        AssertClose(MeanOf("[CLS]", "alpha", "beta", "[SEP]"), vector);
    }

    [Fact]
    public async Task Batches_give_the_same_vectors_as_one_at_a_time()
    {
        string[] texts = ["alpha", "beta gamma delta epsilon", "gamma", "delta alpha", "epsilon beta gamma"];
        using var batched = Load(new EmbeddingOptions { BatchSize = 3 });
        using var single = Load(new EmbeddingOptions { BatchSize = 1 });

        var many = await batched.GenerateAsync(texts);
        var one = await single.GenerateAsync(texts);

        Assert.Equal(texts.Length, many.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose(one[i].Vector.ToArray(), many[i].Vector);
        }
    }

    [Fact]
    public async Task A_declared_token_type_input_is_fed()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false }, withTokenTypes: true);

        var vector = (await generator.GenerateAsync(["beta"]))[0].Vector;

        AssertClose(MeanOf("[CLS]", "beta", "[SEP]"), vector);
    }

    [Fact]
    public async Task A_sentence_embedding_output_is_used_without_pooling_again()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false, Pooling = "cls" }, sentenceOutput: true);

        var vector = (await generator.GenerateAsync(["beta gamma"]))[0].Vector;

        AssertClose(MeanOf("[CLS]", "beta", "gamma", "[SEP]"), vector);
    }

    [Fact]
    public async Task A_half_precision_output_is_widened_to_float()
    {
        using var generator = Load(new EmbeddingOptions { Normalize = false }, halfPrecision: true);

        var vector = (await generator.GenerateAsync(["gamma"]))[0].Vector;

        // float16 keeps about three decimal digits.
        var expected = MeanOf("[CLS]", "gamma", "[SEP]");
        Assert.All(expected.Zip(vector.ToArray()), p => Assert.True(Math.Abs(p.First - p.Second) < 5e-3f, $"{p}"));
    }

    [Fact]
    public void Metadata_names_the_provider_the_folder_and_the_output_width()
    {
        using var generator = Load(new EmbeddingOptions());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("tiny-model", metadata.DefaultModelId);
        Assert.Equal(Width, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void A_folder_without_model_onnx_names_the_ModelPath_key()
    {
        var folder = _temp.Folder("empty");
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary);

        var error = Assert.Throws<InvalidOperationException>(
            () => OnnxEmbeddingGenerator.Load(new EmbeddingOptions { ModelPath = folder }));

        Assert.StartsWith("Embeddings:ModelPath: no model.onnx in", error.Message);
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void A_folder_without_a_tokenizer_names_the_expected_files()
    {
        var folder = _temp.Folder("no-tokenizer");
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), TinyOnnxModel.Build(_table));

        var error = Assert.Throws<InvalidOperationException>(
            () => OnnxEmbeddingGenerator.Load(new EmbeddingOptions { ModelPath = folder }));

        Assert.StartsWith("Embeddings:ModelPath:", error.Message);
        Assert.Contains("vocab.txt", error.Message);
        Assert.Contains("sentencepiece.bpe.model", error.Message);
    }

    [Fact]
    public void Missing_ModelPath_and_unknown_pooling_name_their_keys()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => OnnxEmbeddingGenerator.Load(new EmbeddingOptions()));
        var pooling = Assert.Throws<InvalidOperationException>(
            () => Load(new EmbeddingOptions { Pooling = "max" }));

        Assert.StartsWith("Embeddings:ModelPath:", missing.Message);
        Assert.StartsWith("Embeddings:Pooling:", pooling.Message);
    }

    private OnnxEmbeddingGenerator Load(
        EmbeddingOptions options, bool withTokenTypes = false, bool sentenceOutput = false, bool halfPrecision = false)
    {
        // Written once per test: a second generator in the same test loads the same files.
        var folder = _temp.Combine("tiny-model");
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "model.onnx"), TinyOnnxModel.Build(_table, withTokenTypes, sentenceOutput, halfPrecision));
            File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary);
        }
        options.ModelPath = folder;
        return OnnxEmbeddingGenerator.Load(options);
    }

    private static int Id(string token) => Array.IndexOf(Vocabulary, token);

    private float[] MeanOf(params string[] tokens)
    {
        var mean = new float[Width];
        foreach (var token in tokens)
        {
            for (var j = 0; j < Width; j++)
            {
                mean[j] += _table[Id(token)][j] / tokens.Length;
            }
        }
        return mean;
    }

    private static void AssertClose(float[] expected, ReadOnlyMemory<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual.Span[i]) < 1e-5f, $"[{i}] expected {expected[i]}, got {actual.Span[i]}");
        }
    }
}
