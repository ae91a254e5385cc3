namespace KnowledgeBase.Tests.Parsing;

/// <summary>Real files for the parser tests; the test project copies Fixtures\** to the output folder.</summary>
internal static class ParsingFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
