using System.Net;
using System.Text;
using KnowledgeBase.Core.Search;
using Spectre.Console;

namespace KnowledgeBase.Cli.Commands;

/// <summary>Ranked passages on a terminal: title, clause, pages, and the snippet with matches highlighted.</summary>
internal static class SearchView
{
    public static void Write(SearchResults results)
    {
        if (results.Hits.Count == 0)
        {
            AnsiConsole.MarkupLine($"No passages match [bold]{Markup.Escape(results.Query)}[/].");
            return;
        }
        var rank = 0;
        foreach (var hit in results.Hits)
        {
            rank++;
            var pages = hit.PageStart == hit.PageEnd ? $"p. {hit.PageStart}" : $"pp. {hit.PageStart}–{hit.PageEnd}";
            var clause = hit.Clause is null ? "" : $" · clause {Markup.Escape(hit.Clause)}";
            var identifier = hit.Identifier is null ? "" : $"{Markup.Escape(hit.Identifier)} – ";
            AnsiConsole.MarkupLine($"[bold]{rank}. {identifier}{Markup.Escape(hit.Title)}[/]{clause} · {pages} [grey]({hit.Score:0.00}, {hit.DocumentId})[/]");
            if (hit.HeadingPath.Length > 0)
            {
                AnsiConsole.MarkupLine($"   [grey]{Markup.Escape(hit.HeadingPath)}[/]");
            }
            AnsiConsole.MarkupLine($"   {ToMarkup(hit.Snippet)}");
            AnsiConsole.WriteLine();
        }
        AnsiConsole.MarkupLine($"[grey]{results.Hits.Count} of {results.TotalHits} passages[/]");
        WriteFacets(results);
    }

    /// <summary>Facet counts under the results, one line per field: "type  itu-t-recommendation 12 · standard 3".</summary>
    private static void WriteFacets(SearchResults results)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (field, counts) in results.Facets.Where(f => f.Value.Count > 0))
        {
            grid.AddRow($"[bold]{Markup.Escape(field)}[/]", string.Join(" · ", counts.Take(8).Select(c => $"{Markup.Escape(c.Value)} [grey]{c.Count}[/]")));
        }
        if (grid.Rows.Count > 0)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.Write(new Panel(grid).Header("Documents matching, by facet"));
        }
    }

    /// <summary>Snippets are HTML with &lt;mark&gt;; the terminal gets the same text with the marks in colour.</summary>
    private static string ToMarkup(string snippet)
    {
        var markup = new StringBuilder();
        var parts = snippet.Split("<mark>");
        markup.Append(Markup.Escape(WebUtility.HtmlDecode(parts[0])));
        foreach (var part in parts.Skip(1))
        {
            var end = part.IndexOf("</mark>", StringComparison.Ordinal);
            var marked = end < 0 ? part : part[..end];
            var rest = end < 0 ? "" : part[(end + "</mark>".Length)..];
            markup.Append("[black on yellow]").Append(Markup.Escape(WebUtility.HtmlDecode(marked))).Append("[/]");
            markup.Append(Markup.Escape(WebUtility.HtmlDecode(rest)));
        }
        return markup.ToString();
    }
}
