using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb delete ID`: removes a document and all its chunks in one commit.</summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Document id (or a unique prefix of at least 6 characters)" };
        var command = new Command("delete", "Delete a document from the index") { id };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse));
            var record = index.GetDocument(parse.GetValue(id)!);
            if (record is null || !index.Delete(record.Id))
            {
                return CliErrors.Fail($"no document with id {parse.GetValue(id)}");
            }
            AnsiConsole.MarkupLine($"Deleted {record.Id} [grey]{Markup.Escape(record.Title)}[/]");
            return 0;
        }));
        return command;
    }
}
