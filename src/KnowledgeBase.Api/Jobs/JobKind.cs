namespace KnowledgeBase.Api.Jobs;

/// <summary>What started a job.</summary>
internal enum JobKind
{
    Upload,
    Corpus,
    Reindex,
}
