namespace KnowledgeBase.Api.Configuration;

/// <summary>The "KnowledgeBase:RateLimits" section: requests per client IP.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "KnowledgeBase:RateLimits";

    /// <summary>Searches one client IP may make per minute; 0 turns the limit off.</summary>
    public int SearchPerMinute { get; set; } = 600;
}
