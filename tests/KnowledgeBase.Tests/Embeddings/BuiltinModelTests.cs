using System.Numerics.Tensors;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings;

/// <summary>The built-in model, snowflake-arctic-embed-xs from its NuGet package, run through our ONNX provider.</summary>
public sealed class BuiltinModelTests
{
    private static readonly PassageEmbedder Embedder = new(TestModels.Builtin, new EmbeddingOptions());

    [Fact]
    public async Task Query_FindsTheParaphrasedPassage_AboveOnesOnOtherTopics()
    {
        var query = await Embedder.EmbedQueryAsync("how should a country organise its incident response team?", CancellationToken.None);
        var passages = await Embedder.EmbedPassagesAsync(
        [
            "Public key infrastructure: a certificate binds a public key to the identity of its subject.",
            "A national CSIRT needs a mandate, a constituency, funding and staff; it may be central, distributed or coordinating.",
            "Spam filters at the operator's gateway reject messages from known botnet addresses.",
        ], CancellationToken.None);

        var scores = passages.Select(p => TensorPrimitives.Dot(query, p)).ToList();

        Assert.Equal(1, scores.IndexOf(scores.Max()));
    }

    [Fact]
    public async Task Passages_OfMixedLengths_ComeBackInTheirOwnOrder_AsIfEmbeddedAlone()
    {
        // Batches are formed by token length, longest first; the vectors must still follow the inputs.
        string[] texts =
        [
            "Short.",
            string.Join(' ', Enumerable.Repeat("Incident handlers record every action taken during containment.", 12)),
            "Security awareness training for staff.",
        ];

        var together = await Embedder.EmbedPassagesAsync(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await Embedder.EmbedPassagesAsync([texts[i]], CancellationToken.None))[0];
            // int8 quantises a pass's activations with one scale for the whole batch, so batch mates move a vector a
            // little (another text's vector is much further off).
            Assert.True(TensorPrimitives.CosineSimilarity(alone, together[i]) > 0.99f, $"text {i} got another text's vector");
        }
    }

    [Fact]
    public async Task Query_IsEmbeddedWithTheModelsSearchInstruction_PassagesWithout()
    {
        const string text = "incident response";

        var query = await Embedder.EmbedQueryAsync(text, CancellationToken.None);
        var passage = (await Embedder.EmbedPassagesAsync([text], CancellationToken.None))[0];

        Assert.Equal(384, query.Length);
        Assert.InRange(TensorPrimitives.Norm(query), 0.999f, 1.001f);
        Assert.True(TensorPrimitives.CosineSimilarity(query, passage) < 0.99f, "the query prefix was not applied");
    }

    [Fact]
    public void Builtin_ReadsEnglishOnly_OtherModelsEveryLanguage_UnlessConfigured()
    {
        Assert.True(Embedder.Understands("en"));
        Assert.False(Embedder.Understands("fr"));
        Assert.True(new PassageEmbedder(TestModels.Builtin, new EmbeddingOptions { Provider = "onnx" }).Understands("fr"));
        Assert.False(new PassageEmbedder(TestModels.Builtin, new EmbeddingOptions { Provider = "onnx", Languages = ["en", "de"] }).Understands("ar"));
    }
}
