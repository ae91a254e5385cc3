using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>Small text helpers shared by the metadata rules.</summary>
internal static partial class TextBlocks
{
    /// <summary>Joins wrapped lines into one line with single spaces; null when nothing is left.</summary>
    public static string? OneLine(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var joined = Whitespace().Replace(text, " ").Trim();
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>The blank-line-separated paragraph that holds <paramref name="index"/>.</summary>
    public static string ParagraphAt(string text, int index)
    {
        var start = text.LastIndexOf("\n\n", Math.Max(0, index), StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        var end = text.IndexOf("\n\n", index, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
