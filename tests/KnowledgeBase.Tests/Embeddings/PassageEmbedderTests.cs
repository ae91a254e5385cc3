using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings;

public sealed class PassageEmbedderTests
{
    [Fact]
    public async Task AQuestionAskedAgain_IsNotEmbeddedAgain_AndGetsAnArrayOfItsOwn()
    {
        var counting = new CountingEmbeddingGenerator(TestModels.Builtin);
        var embedder = TestModels.Embedder(counting);

        var first = await embedder.EmbedQueryAsync("incident response team", CancellationToken.None);
        first[0] = 42f;
        var again = await embedder.EmbedQueryAsync("incident response team", CancellationToken.None);
        var other = await embedder.EmbedQueryAsync("incident response teams", CancellationToken.None);

        Assert.Equal(2, counting.Embedded);
        Assert.NotEqual(42f, again[0]);
        Assert.Equal(await new PassageEmbedder(TestModels.Builtin, new EmbeddingOptions()).EmbedQueryAsync("incident response team", CancellationToken.None), again);
        Assert.NotEqual(again, other);
    }

    [Fact]
    public async Task PassagesAreEmbeddedEveryTime_AndAreNotTakenForQuestions()
    {
        var counting = new CountingEmbeddingGenerator(TestModels.Builtin);
        var embedder = TestModels.Embedder(counting);

        var question = await embedder.EmbedQueryAsync("incident response team", CancellationToken.None);
        var passages = await embedder.EmbedPassagesAsync(["incident response team", "incident response team"], CancellationToken.None);

        Assert.Equal(3, counting.Embedded);
        Assert.NotEqual(question, passages[0]); // the built-in model prefixes questions with its search instruction
    }
}
