namespace KnowledgeBase.Core.Compare;

/// <summary>How far a row's documents cover a topic; <see cref="CoverageVerdicts"/> gives the wire names.</summary>
public enum CoverageVerdict
{
    /// <summary>Passages on the topic scored at least <see cref="CompareThresholds.Addressed"/>.</summary>
    Addressed,

    /// <summary>Some passage matched the topic, below the "addressed" threshold.</summary>
    Mentioned,

    /// <summary>The row's documents were searched and no passage matched any phrasing of the topic.</summary>
    NotFound,

    /// <summary>The row has no documents (a country asked for that the index holds nothing of): nothing was searched.</summary>
    NoDocuments,
}
