using System.CommandLine;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>`kb reindex [--embeddings]`: re-chunk, re-describe and re-embed every document from its stored text.</summary>
internal static class ReindexCommand
{
    public static Command Create(IServiceProvider services)
    {
        var embeddings = new Option<bool>("--embeddings")
        {
            Description = "Rebuild every vector with the configured embedding model (after changing KB__Embeddings__…)",
        };
        var command = new Command("reindex", "Rebuild chunks, metadata and vectors of every document from the stored extracted text") { embeddings };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            using var index = KeywordIndex.OpenForWriting(CliRoot.IndexPath(parse));
            var progress = new SynchronousProgress<string>(source => Console.WriteLine($"reindexed {source}"));
            var count = await services.GetRequiredService<Reindexer>().RunAsync(index, parse.GetValue(embeddings), progress, cancellationToken);
            var model = index.EmbeddingModel is { } name ? $", vectors by {name}" : ", no vectors";
            AnsiConsole.MarkupLine($"Reindexed {count} documents in [grey]{Markup.Escape(index.Path)}[/]{Markup.Escape(model)}");
            return 0;
        }));
        return command;
    }
}
