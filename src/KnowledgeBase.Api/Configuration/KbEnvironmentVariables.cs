using System.Collections;

namespace KnowledgeBase.Api.Configuration;

/// <summary>
/// Short environment names for the KnowledgeBase section: KB__DataPath is KnowledgeBase:DataPath,
/// KB__Security__ApiKeys__0 the first API key. The long form (KnowledgeBase__DataPath) works as well.
/// </summary>
internal static class KbEnvironmentVariables
{
    private const string Prefix = "KB__";

    public static IConfigurationBuilder AddKbEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.Length > Prefix.Length)
            {
                values[ServiceOptions.Section + ":" + key[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = variable.Value as string;
            }
        }
        return configuration.AddInMemoryCollection(values);
    }
}
