using System.Text.Json;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Embeddings;

/// <summary>
/// The built-in model loaded once for a test class (models/use-lite, fetched by tools/fetch-model.sh), and the
/// reference cases the original TensorFlow.js model produced (Fixtures/use-reference.json, from tools/use-reference).
/// </summary>
public sealed class UseLiteModel : IDisposable
{
    public UseLiteModel()
    {
        Encoder = UniversalSentenceEncoder.Load(Folder);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "use-reference.json")));
        Cases = [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new ReferenceCase(
            c.GetProperty("text").GetString()!,
            [.. c.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetInt32())],
            [.. c.GetProperty("vector").EnumerateArray().Select(v => v.GetSingle())]))];
    }

    public static string Folder { get; } = Path.Combine(TestPaths.RepoRoot, "models", "use-lite");

    public UniversalSentenceEncoder Encoder { get; }

    public IReadOnlyList<ReferenceCase> Cases { get; }

    public async Task<float[][]> EmbedAsync(IEnumerable<string> texts)
    {
        var embeddings = await Encoder.GenerateAsync(texts);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    public void Dispose() => Encoder.Dispose();

    public sealed record ReferenceCase(string Text, int[] TokenIds, float[] Vector);
}
