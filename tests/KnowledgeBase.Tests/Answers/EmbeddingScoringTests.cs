using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;
using Microsoft.Extensions.AI;

namespace KnowledgeBase.Tests.Answers;

public sealed class EmbeddingScoringTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public EmbeddingScoringTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        AnswerFixtures.AddIncidentDocuments(_index);
    }

    [Fact]
    public async Task Ask_WithEmbeddingGenerator_EmbedsTheQuestionAsQueryAndSentencesAsPassages()
    {
        var generator = new RecordingGenerator();
        var service = new AnswerService(AnswerFixtures.Search(_index), new AnswerOptions(), generator);

        var answer = await service.AskAsync(new AnswerRequest("What are the phases of incident response?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Contains(generator.Calls, c => c.IsQuery && c.Inputs.SequenceEqual(["What are the phases of incident response?"]));
        Assert.Contains(generator.Calls, c => !c.IsQuery && c.Inputs.Any(i => i.Contains("detection and analysis", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    /// <summary>
    /// Stands in for the embedding model, which another part builds: letter counts as vectors, and a record of
    /// what was asked, which is what this test checks.
    /// </summary>
    private sealed class RecordingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<(bool IsQuery, List<string> Inputs)> Calls { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var inputs = values.ToList();
            Calls.Add((EmbeddingInput.IsQuery(options), inputs));
            var vectors = inputs.Select(text =>
            {
                var vector = new float[26];
                foreach (var c in text.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z'))
                {
                    vector[c - 'a']++;
                }
                return new Embedding<float>(vector);
            });
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
