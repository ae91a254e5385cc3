using System.Text;
using KnowledgeBase.Core.Compare;

namespace KnowledgeBase.Cli.Commands;

/// <summary>A comparison as Markdown: the grid of verdicts, the legend, then each cell's passages with clause and page.</summary>
internal static class CompareMarkdown
{
    public static string Write(CompareResult result)
    {
        var text = new StringBuilder();
        text.Append("| |").AppendJoin("", result.Topics.Select(t => $" {Cell(t.Title)} |")).Append('\n');
        text.Append("|---|").AppendJoin("", result.Topics.Select(_ => ":---:|")).Append('\n');
        foreach (var row in result.Rows)
        {
            text.Append($"| {Cell(row.Label)} |");
            foreach (var topic in result.Topics)
            {
                var cell = result.Cell(row.Key, topic.Id);
                text.Append($" {CompareView.Symbol(cell.Verdict)} {cell.Verdict.Name()} ({cell.Score:0.#}) |");
            }
            text.Append('\n');
        }
        text.Append('\n').Append(CompareView.Legend).Append("\n\n");
        foreach (var row in result.Rows)
        {
            text.Append($"## {row.Label}\n\n");
            foreach (var cell in result.Topics.Select(t => result.Cell(row.Key, t.Id)).Where(c => c.Passages.Count > 0))
            {
                text.Append($"**{result.Topics.First(t => t.Id == cell.TopicId).Title}** — {cell.Verdict.Name()}, score {cell.Score:0.#}\n\n");
                foreach (var passage in cell.Passages)
                {
                    var where = string.Join(", ", new[] { passage.Clause is null ? null : $"clause {passage.Clause}", $"p. {passage.PageStart}" }.OfType<string>());
                    text.Append($"- {passage.Title} ({passage.Year}, {passage.Language}), {where}: {Cell(CompareCsv.PlainText(passage.Snippet))}\n");
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
