using KnowledgeBase.Core.Configuration;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Answers;
using KnowledgeBase.Tests.Embeddings.Onnx;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Tests.Embeddings;

/// <summary>
/// The drop-in path the README gives for a multilingual export (multilingual-e5-small): a folder with model.onnx and
/// its tokenizer, configured by the KB__Embeddings__* keys, ingests and searches through the real pipeline and a real
/// index. A tiny ONNX model stands in for the export, so every vector can be computed here.
/// </summary>
public sealed class FolderModelLanguagesTests : IDisposable
{
    private const int Width = 8;
    private const string FrenchQuery = "Comment protéger les infrastructures critiques du pays ?";
    private const string EnglishQuery = "How should critical infrastructure be protected?";

    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "query", "passage", ":", "infrastructures", "critiques", "critical", "infrastructure"];

    private readonly TempFolder _temp = new();
    private readonly float[][] _table = TinyOnnxModel.Table(Vocabulary.Length, Width);
    private readonly string _modelFolder;

    public FolderModelLanguagesTests()
    {
        _modelFolder = _temp.Folder("multilingual-e5-small");
        File.WriteAllBytes(Path.Combine(_modelFolder, "model.onnx"), TinyOnnxModel.Build(_table));
        File.WriteAllLines(Path.Combine(_modelFolder, "vocab.txt"), Vocabulary);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_folder_model_declaring_French_votes_on_a_French_query_and_the_index_records_it()
    {
        var options = FromKeys(("Languages:0", "en"), ("Languages:1", "fr"));
        using var index = await IngestAsync(options, "folder-index");
        var recorder = new RecordingGenerator(EmbeddingGeneratorFactory.Create(options));

        var results = await new SearchService(index, new SearchOptions(), new PassageEmbedder(recorder, options))
            .SearchAsync(new SearchRequest(FrenchQuery, 5), CancellationToken.None);

        Assert.Equal("onnx:multilingual-e5-small:8", index.EmbeddingModel);
        Assert.NotEmpty(results.Hits);
        Assert.Contains(recorder.Calls, c => c.IsQuery && c.Inputs.SequenceEqual([FrenchQuery]));
    }

    [Fact]
    public async Task A_folder_model_declaring_English_only_does_not_vote_on_a_French_query()
    {
        var options = FromKeys(("Languages:0", "en"));
        using var index = await IngestAsync(options, "english-only-index");
        var recorder = new RecordingGenerator(EmbeddingGeneratorFactory.Create(options));
        var search = new SearchService(index, new SearchOptions(), new PassageEmbedder(recorder, options));

        await search.SearchAsync(new SearchRequest(FrenchQuery, 5), CancellationToken.None);
        var frenchCalls = recorder.Calls.Count(c => c.IsQuery);
        await search.SearchAsync(new SearchRequest(EnglishQuery, 5), CancellationToken.None);

        Assert.Equal(0, frenchCalls);
        Assert.Contains(recorder.Calls, c => c.IsQuery && c.Inputs.SequenceEqual([EnglishQuery]));
    }

    [Fact]
    public async Task The_builtin_model_reads_English_only_and_does_not_vote_on_a_French_query()
    {
        var options = new EmbeddingOptions();
        using var index = await IngestAsync(options, "builtin-index");
        var recorder = new RecordingGenerator(TestModels.Builtin);
        var search = new SearchService(index, new SearchOptions(), new PassageEmbedder(recorder, options));

        await search.SearchAsync(new SearchRequest(FrenchQuery, 5), CancellationToken.None);
        var frenchCalls = recorder.Calls.Count(c => c.IsQuery);
        await search.SearchAsync(new SearchRequest(EnglishQuery, 5), CancellationToken.None);

        Assert.Equal(TestModels.BuiltinId, index.EmbeddingModel);
        Assert.Equal(0, frenchCalls);
        Assert.Contains(recorder.Calls, c => c.IsQuery && c.Inputs.SequenceEqual([EnglishQuery]));
    }

    [Fact]
    public async Task The_configured_query_and_passage_prefixes_are_embedded_with_the_text()
    {
        var options = FromKeys(("Languages:0", "fr"));
        using var services = new ServiceCollection().AddKnowledgeBase(options).BuildServiceProvider();
        var embedder = services.GetRequiredService<PassageEmbedder>();

        var query = await embedder.EmbedQueryAsync("infrastructures critiques", CancellationToken.None);
        var passage = (await embedder.EmbedPassagesAsync(["infrastructures critiques"], CancellationToken.None))[0];

        AssertClose(UnitMeanOf("[CLS]", "query", ":", "infrastructures", "critiques", "[SEP]"), query);
        AssertClose(UnitMeanOf("[CLS]", "passage", ":", "infrastructures", "critiques", "[SEP]"), passage);
    }

    /// <summary>
    /// The options as the hosts bind them from KB__Embeddings__* (the environment's "__" is the configuration's ":"):
    /// the README's settings for multilingual-e5-small, plus the given keys.
    /// </summary>
    private EmbeddingOptions FromKeys(params (string Key, string Value)[] extra)
    {
        var keys = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "onnx",
            ["Embeddings:ModelPath"] = _modelFolder,
            ["Embeddings:QueryPrefix"] = "query: ",
            ["Embeddings:PassagePrefix"] = "passage: ",
            ["Embeddings:Pooling"] = "mean",
        };
        foreach (var (key, value) in extra)
        {
            keys["Embeddings:" + key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        return configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>()!;
    }

    /// <summary>The French and English strategy texts of the language fixtures, through the ingestion pipeline `kb ingest` runs.</summary>
    private async Task<KeywordIndex> IngestAsync(EmbeddingOptions options, string name)
    {
        using var services = new ServiceCollection().AddKnowledgeBase(options).BuildServiceProvider();
        var (files, _) = SourceFileFinder.Find([
            TestPaths.Fixture("Languages/strategy_fr.txt"),
            TestPaths.Fixture("Languages/strategy_en.txt")]);
        var index = KeywordIndex.OpenForWriting(_temp.Combine(name));
        var summary = await services.GetRequiredService<IngestionRunner>().RunAsync(index, files, null, CancellationToken.None);
        Assert.Equal(2, summary.Ingested);
        return index;
    }

    private float[] UnitMeanOf(params string[] tokens)
    {
        var mean = new float[Width];
        foreach (var token in tokens)
        {
            var row = _table[Array.IndexOf(Vocabulary, token)];
            for (var j = 0; j < Width; j++)
            {
                mean[j] += row[j] / tokens.Length;
            }
        }
        var length = MathF.Sqrt(mean.Sum(x => x * x));
        return mean.Select(x => x / length).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4f, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
