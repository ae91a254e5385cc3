namespace KnowledgeBase.Api.Configuration;

/// <summary>The "KnowledgeBase:Security" section: API keys, whether reading needs one, browser origins.</summary>
internal sealed class SecurityOptions
{
    public const string Section = "KnowledgeBase:Security";

    /// <summary>
    /// Keys accepted in the X-Api-Key header for writes. Several are valid at once so a key can be rotated:
    /// add the new one, move clients, remove the old one. No key means writes are refused.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>When true, searches and document reads need a key too.</summary>
    public bool ReadRequiresKey { get; set; }

    /// <summary>Origins allowed to call the API from a browser, e.g. "https://kb.example.org".</summary>
    public string[] CorsOrigins { get; set; } = [];
}
