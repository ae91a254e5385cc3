using System.Numerics.Tensors;
using System.Text.Json;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace KnowledgeBase.Tests.Embeddings;

/// <summary>The C# Universal Sentence Encoder lite against what the original TensorFlow.js model makes of the same texts.</summary>
public sealed class UniversalSentenceEncoderTests : IClassFixture<UseLiteModel>
{
    private readonly UseLiteModel _model;
    private readonly ITestOutputHelper _output;

    public UniversalSentenceEncoderTests(UseLiteModel model, ITestOutputHelper output)
    {
        _model = model;
        _output = output;
    }

    [Fact]
    public void Tokenize_GivesTheReferenceIdsForEverySentence()
    {
        var mismatches = _model.Cases
            .Where(c => !_model.Encoder.Tokenize(c.Text).SequenceEqual(c.TokenIds))
            .Select(c => $"{JsonSerializer.Serialize(c.Text)}: [{string.Join(',', _model.Encoder.Tokenize(c.Text))}] " +
                $"instead of [{string.Join(',', c.TokenIds)}]")
            .ToList();

        Assert.True(_model.Cases.Count >= 60);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task GenerateAsync_ReachesCosine0999WithTheReferenceForEverySentence()
    {
        var vectors = await _model.EmbedAsync(_model.Cases.Select(c => c.Text));

        var cosines = _model.Cases.Select((c, i) => (c.Text, Cosine: TensorPrimitives.CosineSimilarity(vectors[i], c.Vector))).ToList();
        var worst = cosines.MinBy(c => c.Cosine);
        _output.WriteLine($"min cosine {worst.Cosine:F8} (1 - cos = {1 - worst.Cosine:E2}) for {JsonSerializer.Serialize(worst.Text)}; mean {cosines.Average(c => c.Cosine):F6}");

        Assert.All(cosines, c => Assert.True(c.Cosine >= 0.999f, $"cosine {c.Cosine} for {JsonSerializer.Serialize(c.Text)}"));
    }

    [Fact]
    public async Task GenerateAsync_GivesUnitLength512DimensionalVectors()
    {
        var vectors = await _model.EmbedAsync(["firewall rules", "", "?"]);

        Assert.All(vectors, v => Assert.Equal(512, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, TensorPrimitives.Norm(v), 4));
    }

    [Fact]
    public async Task GenerateAsync_BatchGivesTheSameVectorsAsOneByOne()
    {
        var texts = _model.Cases.Select(c => c.Text).Where((_, i) => i % 5 == 0).ToList();

        var batch = await _model.EmbedAsync(texts);
        var single = new List<float[]>();
        foreach (var text in texts)
        {
            single.Add((await _model.EmbedAsync([text]))[0]);
        }

        Assert.Equal(single, batch);
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCallsGiveTheSameVectorsAsOneCall()
    {
        var texts = _model.Cases.Select(c => c.Text).Take(24).ToList();
        var expected = await _model.EmbedAsync(texts);

        var concurrent = await Task.WhenAll(texts.Chunk(3).Select(chunk => Task.Run(() => _model.EmbedAsync(chunk))));

        Assert.Equal(expected, concurrent.SelectMany(v => v));
    }

    [Fact]
    public void Load_AcceptsTheDistFolderItself()
    {
        using var encoder = UniversalSentenceEncoder.Load(Path.Combine(UseLiteModel.Folder, "dist"));

        Assert.Equal(_model.Encoder.Tokenize("SP 800-61r2"), encoder.Tokenize("SP 800-61r2"));
    }

    [Fact]
    public async Task GenerateAsync_IgnoresTextPastTheFirst128Tokens()
    {
        var words = string.Join(' ', Enumerable.Repeat("incident response capability", 60));
        Assert.True(_model.Encoder.Tokenize(words).Count > _model.Encoder.MaxTokens);

        var vectors = await _model.EmbedAsync([words, words + " and something else entirely about cooking pasta"]);

        Assert.Equal(vectors[0], vectors[1]);
    }

    [Fact]
    public async Task GenerateAsync_ScoresAParaphraseAboveAnUnrelatedSentence()
    {
        var vectors = await _model.EmbedAsync([
            "Ransomware encrypted the hospital's files and demanded payment in bitcoin.",
            "Malicious software locked the clinic's data until a cryptocurrency ransom was paid.",
            "The recipe needs two cups of flour and a pinch of salt.",
        ]);

        var paraphrase = TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]);
        _output.WriteLine($"paraphrase {paraphrase:F3}, unrelated {unrelated:F3}");

        Assert.True(paraphrase > unrelated + 0.2f, $"paraphrase {paraphrase} vs unrelated {unrelated}");
    }

    [Fact]
    public void GetService_DescribesTheBuiltInModel()
    {
        var metadata = _model.Encoder.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("builtin", metadata.ProviderName);
        Assert.Equal("use-lite-en-0.2.0", metadata.DefaultModelId);
        Assert.Equal(512, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsRequested_Throws()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            _model.Encoder.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 256 }));
    }

    [Fact]
    public void Load_MissingFolder_SaysWhereAndHowToFetch()
    {
        using var temp = new TempFolder();
        var folder = temp.Combine("no-model-here");

        var error = Assert.Throws<DirectoryNotFoundException>(() => UniversalSentenceEncoder.Load(folder));

        Assert.Contains(folder, error.Message);
        Assert.Contains("tools/fetch-model.sh", error.Message);
    }

    [Fact]
    public void Load_MissingShard_NamesTheFile()
    {
        using var temp = new TempFolder();
        var dist = CopyModelWithout(temp, "group1-shard3of7");

        var error = Assert.Throws<FileNotFoundException>(() => UniversalSentenceEncoder.Load(Path.GetDirectoryName(dist)!));

        Assert.Contains("group1-shard3of7", error.Message);
    }

    [Fact]
    public void Load_TruncatedShard_SaysTheDownloadIsCorrupt()
    {
        using var temp = new TempFolder();
        var dist = CopyModelWithout(temp, "group1-shard7of7");
        var original = File.ReadAllBytes(Path.Combine(UseLiteModel.Folder, "dist", "group1-shard7of7"));
        File.WriteAllBytes(Path.Combine(dist, "group1-shard7of7"), original[..(original.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => UniversalSentenceEncoder.Load(Path.GetDirectoryName(dist)!));

        Assert.Contains("group1-shard7of7", error.Message);
        Assert.Contains("corrupt", error.Message);
    }

    private static string CopyModelWithout(TempFolder temp, string leftOut)
    {
        var dist = temp.Combine("use-lite", "dist");
        Directory.CreateDirectory(dist);
        foreach (var file in Directory.GetFiles(Path.Combine(UseLiteModel.Folder, "dist")).Where(f => Path.GetFileName(f) != leftOut))
        {
            File.Copy(file, Path.Combine(dist, Path.GetFileName(file)));
        }
        return dist;
    }
}
