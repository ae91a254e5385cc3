using System.CommandLine;
using KnowledgeBase.Core.Answers;
using KnowledgeBase.Core.Embeddings;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// `kb ask "QUESTION" [filters] [--json]`: an answer whose sentences cite numbered sources. A chat model is used
/// when KB__Answers__Provider=openai with KB__Answers__Model (and KB__Answers__Endpoint, KB_ANSWERS_API_KEY) are set;
/// otherwise the answer is extracted from the passages.
/// </summary>
internal static class AskCommand
{
    public static Command Create(IServiceProvider services)
    {
        var question = new Argument<string>("question") { Description = "The question to answer" };
        var mode = new Option<AnswerMode>("--mode") { Description = "auto, extractive or generative", DefaultValueFactory = _ => AnswerMode.Auto };
        var filterOptions = new FilterOptions();
        var command = new Command("ask", "Answer a question with cited passages") { question, mode, CliRoot.Json };
        foreach (var option in filterOptions.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (filters, error) = filterOptions.Read(parse);
            if (filters is null)
            {
                return CliErrors.Fail(error!);
            }
            using var index = KeywordIndex.OpenForReading(CliRoot.IndexPath(parse));
            Answer answer;
            try
            {
                var request = new AnswerRequest(parse.GetValue(question) ?? "") { Filters = filters, Mode = parse.GetValue(mode) };
                answer = await CreateService(index, services).AskAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is AnswerValidationException or AnswerUnavailableException or InvalidOperationException)
            {
                return CliErrors.Fail(ex.Message);
            }
            if (parse.GetValue(CliRoot.Json))
            {
                JsonOutput.Write(answer);
            }
            else
            {
                Write(answer);
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The answer service as the CLI composes it, over the same search service as `kb search`.</summary>
    public static AnswerService CreateService(KeywordIndex index, IServiceProvider services, AnswerOptions? options = null) =>
        new(RetrievalOptions.Open(index, services), options ?? services.GetRequiredService<AnswerOptions>(), services.GetService<PassageEmbedder>());

    private static void Write(Answer answer)
    {
        var label = answer.Kind switch
        {
            AnswerKind.Extractive => "extractive answer: sentences quoted from the sources",
            AnswerKind.Generated => answer.Flagged ? "generated answer WITHOUT a valid citation: do not rely on it" : "generated answer",
            _ => "not found",
        };
        AnsiConsole.MarkupLine($"[grey]({Markup.Escape(label)})[/]");
        AnsiConsole.WriteLine(answer.Text);
        if (answer.RemovedMarkers > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]{answer.RemovedMarkers} marker(s) pointing at no source were removed.[/]");
        }
        if (answer.Citations.Count == 0)
        {
            return;
        }
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Sources[/]");
        foreach (var citation in answer.Citations)
        {
            var pages = citation.PageStart == citation.PageEnd ? $"p. {citation.PageStart}" : $"pp. {citation.PageStart}–{citation.PageEnd}";
            var clause = citation.Clause is null ? "" : $" · clause {citation.Clause}";
            var identifier = citation.Identifier is null ? "" : $"{citation.Identifier} – ";
            AnsiConsole.MarkupLine($"[[{citation.Marker}]] {Markup.Escape(identifier + citation.Title + clause)} · {pages} [grey]({Markup.Escape(citation.DocumentId)})[/]");
        }
    }
}
