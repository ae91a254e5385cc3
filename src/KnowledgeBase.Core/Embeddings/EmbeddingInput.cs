using Microsoft.Extensions.AI;

namespace KnowledgeBase.Core.Embeddings;

/// <summary>
/// Tells an embedding generator whether it embeds a search query or a stored passage, for models that embed the two
/// differently (e5's "query: " and "passage: " prefixes). Carried in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.
/// </summary>
public static class EmbeddingInput
{
    public const string PropertyName = "kb.input";

    public static EmbeddingGenerationOptions Query() => Create("query");

    public static EmbeddingGenerationOptions Passage() => Create("passage");

    /// <summary>True when the options say the inputs are queries; passages otherwise.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value as string == "query";

    private static EmbeddingGenerationOptions Create(string kind) =>
        new() { AdditionalProperties = new AdditionalPropertiesDictionary { [PropertyName] = kind } };
}
