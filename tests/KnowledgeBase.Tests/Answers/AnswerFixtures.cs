using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Search;

namespace KnowledgeBase.Tests.Answers;

/// <summary>Builds answer services over real indexes; the one place that constructs a <see cref="SearchService"/>.</summary>
internal static class AnswerFixtures
{
    public static SearchService Search(KeywordIndex index) => new(index, new SearchOptions());

    public static AnswerService Extractive(KeywordIndex index) => new(Search(index), new AnswerOptions());

    public static AnswerService WithModel(KeywordIndex index, FakeChatServer server, Action<AnswerOptions>? configure = null)
    {
        var options = new AnswerOptions
        {
            Provider = "openai",
            Endpoint = server.Endpoint,
            Model = "test-model",
            ApiKey = "test-key",
            MaxPassages = 3,
            Fallback = "none",
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return new AnswerService(Search(index), options);
    }

    /// <summary>Three one-passage documents on incident handling, enough for a model to be given three sources.</summary>
    public static void AddIncidentDocuments(KeywordIndex index, string? injection = null)
    {
        IndexedDocuments.Add(index, "phases", "The incident response life cycle has four phases: preparation, detection and analysis, containment eradication and recovery, and post-incident activity.",
            new DocumentMetadata { Title = "Incident phases" });
        IndexedDocuments.Add(index, "sharing", "Incident response teams share indicators of compromise with trusted partners to improve incident detection.",
            new DocumentMetadata { Title = "Incident sharing" });
        IndexedDocuments.Add(index, "cirt", injection ?? "A national CIRT coordinates incident response across government agencies and critical infrastructure operators.",
            new DocumentMetadata { Title = "Incident coordination" });
    }
}
