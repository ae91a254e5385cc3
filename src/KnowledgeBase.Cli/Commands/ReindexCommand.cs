using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb reindex`: re-chunk and re-describe every document from its stored text, without the files.</summary>
internal static class ReindexCommand
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("reindex", "Rebuild chunks and metadata of every document from the stored extracted text");
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(() =>
        {
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse));
            var progress = new SynchronousProgress<string>(source => Console.WriteLine($"reindexed {source}"));
            var count = services.GetRequiredService<Reindexer>().Run(index, progress, cancellationToken);
            AnsiConsole.MarkupLine($"Reindexed {count} documents in [grey]{Markup.Escape(index.Path)}[/]");
            return Task.FromResult(0);
        }));
        return command;
    }
}
