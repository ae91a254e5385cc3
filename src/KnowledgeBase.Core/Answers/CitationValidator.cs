using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Checks the [n] markers of a generated answer against the passages it was given: a marker pointing at no
/// passage is removed and counted, and the passages that remain cited become the answer's citations.
/// "[1, 3]" is read as two markers.
/// </summary>
internal static partial class CitationValidator
{
    public static (string Text, IReadOnlyList<Citation> Cited, int Removed) Validate(string text, IReadOnlyList<Citation> sources)
    {
        var valid = sources.ToDictionary(s => s.Marker);
        var cited = new SortedSet<int>();
        var removed = 0;
        var cleaned = Markers().Replace(text, match =>
        {
            var kept = new List<int>();
            foreach (var part in match.Groups["numbers"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, out var number) && valid.ContainsKey(number))
                {
                    kept.Add(number);
                    cited.Add(number);
                }
                else
                {
                    removed++;
                }
            }
            return string.Concat(kept.Select(n => $"[{n}]"));
        });
        cleaned = SpaceBeforePunctuation().Replace(cleaned, "$1").Trim();
        return (cleaned, cited.Select(n => valid[n]).ToList(), removed);
    }

    [GeneratedRegex(@"\[(?<numbers>\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex Markers();

    // Removing "[9]" from "text [9]." leaves "text ."; close the gap.
    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
