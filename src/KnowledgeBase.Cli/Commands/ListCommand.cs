using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb list`: every document in the index.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List ingested documents") { CliRoot.Json };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            var documents = index.ListDocuments();
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(documents);
                return 0;
            }
            var table = new Table().AddColumns("Id", "Title", "Identifiers", "Pages", "Chunks", "File");
            foreach (var document in documents)
            {
                table.AddRow(
                    document.Id,
                    Markup.Escape(Shorten(document.Title, 70)),
                    Markup.Escape(string.Join(", ", document.Identifiers.Take(3))),
                    document.PageCount.ToString(),
                    document.ChunkCount.ToString(),
                    Markup.Escape(Path.GetFileName(document.Source)));
            }
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{documents.Count} documents in {Markup.Escape(index.Path)}[/]");
            return 0;
        }));
        return command;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
