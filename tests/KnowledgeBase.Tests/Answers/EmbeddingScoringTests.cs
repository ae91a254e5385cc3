using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

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
        var generator = new RecordingGenerator(TestModels.Builtin);
        var service = new AnswerService(
            AnswerFixtures.Search(_index), new AnswerOptions { SentenceSimilarity = 0.3 }, new PassageEmbedder(generator, new EmbeddingOptions()));

        var answer = await service.AskAsync(new AnswerRequest("What are the phases of incident response?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.Contains(generator.Calls, c => c.IsQuery && c.Inputs.SequenceEqual(["What are the phases of incident response?"]));
        Assert.Contains(generator.Calls, c => !c.IsQuery && c.Inputs.Any(i => i.Contains("detection and analysis", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ask_WithoutSentenceSimilarity_EmbedsNoSentence()
    {
        var generator = new RecordingGenerator(TestModels.Builtin);
        var service = new AnswerService(
            AnswerFixtures.Search(_index), new AnswerOptions { SentenceSimilarity = 0 }, new PassageEmbedder(generator, new EmbeddingOptions()));

        var answer = await service.AskAsync(new AnswerRequest("What are the phases of incident response?"), CancellationToken.None);

        Assert.Equal(AnswerKind.Extractive, answer.Kind);
        Assert.DoesNotContain(generator.Calls, c => !c.IsQuery);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }
}
