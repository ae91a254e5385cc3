namespace KnowledgeBase.Api.Endpoints;

/// <summary>POST /api/reindex's optional body.</summary>
/// <param name="Embeddings">Also rebuild every vector with the configured embedding model (what a model change needs).</param>
internal sealed record ReindexBody(bool Embeddings = false);
