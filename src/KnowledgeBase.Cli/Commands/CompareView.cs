using KnowledgeBase.Core.Compare;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>The terminal table of a comparison: one symbol per cell, the score beside it, a legend and the documents searched.</summary>
internal static class CompareView
{
    public static string Symbol(CoverageVerdict verdict) => verdict switch
    {
        CoverageVerdict.Addressed => "●",
        CoverageVerdict.Mentioned => "◐",
        CoverageVerdict.NotFound => "○",
        _ => "–",
    };

    public static string Legend =>
        $"● addressed (score ≥ {CompareThresholds.Addressed})  ◐ mentioned (score ≥ {CompareThresholds.Mentioned})  ○ not found (searched, nothing matched)  – no documents. " +
        "Score: passages matching the topic's phrasings in the document's language, a heading match counting " +
        $"{1 + CompareThresholds.HeadingBonus}.";

    public static void Write(CompareResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var topic in result.Topics)
        {
            table.AddColumn(new TableColumn(Markup.Escape(topic.Id)).Centered());
        }
        foreach (var row in result.Rows)
        {
            var cells = result.Topics.Select(t => result.Cell(row.Key, t.Id))
                .Select(c => Markup.Escape(c.Score > 0 ? $"{Symbol(c.Verdict)} {c.Score:0.#}" : Symbol(c.Verdict)));
            table.AddRow([Markup.Escape($"{row.Label} ({row.Key})"), .. cells]);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[dim]{Markup.Escape(Legend)}[/]");
        foreach (var row in result.Rows)
        {
            var documents = row.Documents.Count == 0
                ? "no documents in the index"
                : string.Join("; ", row.Documents.Select(d => $"{d.Title} ({d.Year}, {d.Language}) {d.Id[..Math.Min(8, d.Id.Length)]}"));
            AnsiConsole.MarkupLine($"[dim]{Markup.Escape(row.Key)}: {Markup.Escape(documents)}[/]");
        }
        AnsiConsole.MarkupLine("[dim]--format md or json shows the passages behind each cell.[/]");
    }

    public static void WriteTopics(IReadOnlyList<CompareTopic> topics)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "title", "source", "languages");
        foreach (var topic in topics)
        {
            table.AddRow(Markup.Escape(topic.Id), Markup.Escape(topic.Title), Markup.Escape(topic.Source), Markup.Escape(string.Join(" ", topic.Phrasings.Keys)));
        }
        AnsiConsole.Write(table);
    }
}
