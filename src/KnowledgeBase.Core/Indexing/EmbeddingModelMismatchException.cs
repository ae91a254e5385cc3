namespace KnowledgeBase.Core.Indexing;

/// <summary>The index holds vectors of one embedding model and was asked to work with another.</summary>
public sealed class EmbeddingModelMismatchException(string indexPath, string? indexModel, string? configuredModel)
    : IndexUnavailableException(Describe(indexPath, indexModel, configuredModel))
{
    public string? IndexModel { get; } = indexModel;

    public string? ConfiguredModel { get; } = configuredModel;

    /// <summary>
    /// The one rule for every reader and writer of an index: its vectors all come from one model, and only that model's
    /// vectors may be added to or compared with them. An index that holds no documents yet takes any model.
    /// </summary>
    /// <returns>Null when <paramref name="model"/> may be used with the index; otherwise the error that says why not.</returns>
    public static EmbeddingModelMismatchException? Check(string indexPath, string? indexModel, string? model, bool indexIsEmpty = false) =>
        indexModel == model || (indexModel is null && indexIsEmpty) ? null : new EmbeddingModelMismatchException(indexPath, indexModel, model);

    private static string Describe(string indexPath, string? indexModel, string? configuredModel) => (indexModel, configuredModel) switch
    {
        (null, _) => $"the index at {indexPath} holds no vectors; run `kb reindex --embeddings` (over HTTP: POST /api/reindex with {{\"embeddings\": true}}) to embed it with {configuredModel}",
        (_, null) => $"the index at {indexPath} was embedded with {indexModel}, but no embedding model is configured (Embeddings:Provider); configure it, or run `kb reindex --embeddings` (POST /api/reindex with {{\"embeddings\": true}}) with the one you want",
        _ => $"the index at {indexPath} was embedded with {indexModel}, but {configuredModel} is configured; run `kb reindex --embeddings` (over HTTP: POST /api/reindex with {{\"embeddings\": true}}) to rebuild its vectors with the new model",
    };
}
