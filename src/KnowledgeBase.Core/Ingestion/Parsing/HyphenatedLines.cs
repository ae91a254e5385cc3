using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>
/// Joins a word split by an end-of-line hyphen, for the PDF text layer and OCR alike: "inci-" + "dent handling"
/// becomes "incident" + "handling". Only a lower-case continuation is joined, so "ITU-" + "T" and list dashes stay as
/// they are.
/// </summary>
internal static partial class HyphenatedLines
{
    /// <summary>Joins line i with line i + 1 in place wherever <paramref name="mayJoin"/>(i) allows it.</summary>
    public static void Join(List<string> texts, Func<int, bool> mayJoin)
    {
        for (var i = 0; i + 1 < texts.Count; i++)
        {
            var next = texts[i + 1];
            if (!HyphenatedEnd().IsMatch(texts[i]) || next.Length == 0 || !char.IsLower(next[0]) || !mayJoin(i))
            {
                continue;
            }
            var split = next.IndexOf(' ');
            texts[i] = texts[i][..^1] + (split < 0 ? next : next[..split]);
            texts[i + 1] = split < 0 ? "" : next[(split + 1)..];
        }
    }

    [GeneratedRegex(@"\p{Ll}-$")]
    private static partial Regex HyphenatedEnd();
}
