using KnowledgeBase.Core.Indexing;
using Lucene.Net.Analysis;

namespace KnowledgeBase.Core.Search;

/// <summary>What one search needs besides the searcher: analyzers, the vectors, the query's embedding and fusion settings.</summary>
internal sealed record Retrieval(Analyzer QueryAnalyzer, Analyzer IndexAnalyzer, VectorIndex Vectors, float[]? QueryVector, SearchOptions Options)
{
    /// <summary>Stage timings to record into, when the search is being profiled.</summary>
    public SearchStageTimes? Stages { get; init; }
}
