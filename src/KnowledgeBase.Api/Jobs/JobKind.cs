namespace KnowledgeBase.Api.Jobs;

/// <summary>What started a job.</summary>
internal enum JobKind
{
    Upload,
    Corpus,
    Reindex,

    /// <summary>A reindex that also rebuilds every vector with the configured embedding model.</summary>
    ReindexEmbeddings,
}
