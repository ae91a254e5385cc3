using System.CommandLine;

namespace KnowledgeBase.Cli;

/// <summary>The `kb` root command and the options every sub-command shares.</summary>
internal static class CliRoot
{
    public static readonly Option<string?> Index = new("--index")
    {
        Description = "Index folder (default: $KB_INDEX, else ~/.local/share/knowledgebase/index)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write JSON for scripts instead of tables",
    };

    public static RootCommand Create(params Command[] commands)
    {
        var root = new RootCommand("kb: a knowledge base of cybersecurity guidance — ingest documents, search passages.");
        root.Options.Add(Index);
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static string IndexPath(ParseResult parse) =>
        parse.GetValue(Index)
        ?? Environment.GetEnvironmentVariable("KB_INDEX")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "knowledgebase", "index");
}
