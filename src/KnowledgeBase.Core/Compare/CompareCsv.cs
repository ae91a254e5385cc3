using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Compare;

/// <summary>
/// A comparison as CSV for spreadsheets (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
/// line break): one line per cell with its strongest passage, the snippet as plain text. Callers write it as UTF-8
/// with a byte-order mark, which Excel needs to read it as UTF-8.
/// </summary>
public static partial class CompareCsv
{
    public static readonly string[] Header =
    [
        "row", "label", "country", "region", "topic", "topic_title", "verdict", "score", "matched_passages",
        "document_id", "document_title", "year", "language", "clause", "page", "link", "snippet",
    ];

    /// <summary>Links are made absolute with <paramref name="baseUrl"/> when given ("http://host:port").</summary>
    public static string Write(CompareResult result, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        Line(text, Header);
        var rows = result.Rows.ToDictionary(r => r.Key);
        var topics = result.Topics.ToDictionary(t => t.Id);
        foreach (var cell in result.Cells)
        {
            var row = rows[cell.RowKey];
            var best = cell.Passages.Count > 0 ? cell.Passages[0] : null;
            Line(text,
            [
                row.Key, row.Label, row.CountryCode ?? "", row.Region ?? "", cell.TopicId, topics[cell.TopicId].Title,
                cell.Verdict.Name(), cell.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                cell.MatchedPassages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                best?.DocumentId ?? "", best?.Title ?? "", best?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                best?.Language ?? "", best?.Clause ?? "", best?.PageStart.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                best is null ? "" : (baseUrl?.TrimEnd('/') ?? "") + best.Link, best is null ? "" : PlainText(best.Snippet),
            ]);
        }
        return text.ToString();
    }

    /// <summary>A snippet without its &lt;mark&gt; tags and HTML escapes.</summary>
    public static string PlainText(string snippet) => WebUtility.HtmlDecode(MarkTags().Replace(snippet, ""));

    private static void Line(StringBuilder text, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var value = fields[i];
            text.Append(value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value);
        }
        text.Append("\r\n");
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex MarkTags();
}
