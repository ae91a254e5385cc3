using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;

namespace KnowledgeBase.Core.Answers;

/// <summary>
/// Cuts a passage into the units an extractive answer quotes: sentences of prose, and list items whole. A new
/// unit starts at every sentence end, blank line and list marker ("•", "2.13.3.1", "a)", "1-"), so a bulleted list
/// does not run into one long sentence and its lead-in ("shall include the following:") stays separate.
/// </summary>
internal static partial class PassageUnits
{
    // A list item up to this long is quoted whole (bullets include private-use glyphs of symbol fonts): "• Shared Situational Awareness. Information sharing enables …".
    private const int WholeItemChars = 400;

    public static IEnumerable<PassageUnit> Split(string text)
    {
        var breaks = BlockStart().Matches(text).Select(m => m.Index).Where(i => i > 0).Prepend(0).Append(text.Length).Distinct().ToList();
        for (var b = 0; b + 1 < breaks.Count; b++)
        {
            var block = new TextSpan(breaks[b], breaks[b + 1]);
            var isItem = ListMarker().IsMatch(text.AsSpan(block.Start, Math.Min(20, block.Length))) && !IsNumberedHeading(text, block);
            // A heading line glued to the text under it ("Chapter 4: Follow-Up Mechanisms" over "National … Plan" over
            // prose) is a unit of its own, so the answer can leave it out rather than quote it as part of a sentence.
            while (!isItem && HeadingLineEnd(text, block) is { } end)
            {
                yield return new PassageUnit(Clean(text[block.Start..end]), false);
                block = new TextSpan(end + 1, block.End);
            }
            var whole = Clean(text[block.Start..block.End]);
            if (isItem && whole.Length <= WholeItemChars)
            {
                var first = SentenceSplitter.Split(text, block).First();
                yield return new PassageUnit(whole, true) { Lead = Clean(text[first.Start..first.End]) };
                continue;
            }
            foreach (var sentence in SentenceSplitter.Split(text, block))
            {
                var clean = Clean(text[sentence.Start..sentence.End]);
                if (clean.Length > 0)
                {
                    // A block that opens in lower case goes on with a sentence that a page break, a footnote number
                    // ("responsibility for\n\n17\n\nintrusion detection.") or the passage's start cut: its head is elsewhere.
                    var isTail = !isItem && sentence.Start == block.Start && char.IsLower(clean[0]);
                    yield return new PassageUnit(clean, isItem && sentence.Start == block.Start) { IsSentenceTail = isTail };
                }
            }
        }
    }

    /// <summary>
    /// A block numbered like a clause ("2.5 Incident Response Team Services") whose first line is a heading standing
    /// alone or followed by a new sentence is the clause's heading, not an item of a numbered list ("2.13.3.1 The
    /// CIRT shall keep a record of every incident" wraps on in lower case).
    /// </summary>
    private static bool IsNumberedHeading(string text, TextSpan block)
    {
        if (!ClauseNumber().IsMatch(text.AsSpan(block.Start, Math.Min(20, block.Length))))
        {
            return false;
        }
        var lineEnd = text.IndexOf('\n', block.Start, block.Length) is var n and >= 0 ? n : block.End;
        if (!UnquotableUnits.IsHeading(Clean(text[block.Start..lineEnd])))
        {
            return false;
        }
        var rest = text[lineEnd..block.End].TrimStart();
        if (rest.Length > 0)
        {
            return char.IsUpper(rest[0]) || ListMarker().IsMatch(rest);
        }
        // A line alone is a heading unless it is one of a run of numbered items without full stops
        // ("2.13.3.2 Cybersecurity incident classification" under a lead-in, with the next item after it).
        var before = text[..block.Start].TrimEnd();
        var previousLine = before[(before.LastIndexOf('\n') + 1)..];
        return !before.EndsWith(':') && !ClauseNumber().IsMatch(previousLine) && !ClauseNumber().IsMatch(text[block.End..]);
    }

    /// <summary>Where the block's first line ends, when that line is a heading and text follows it.</summary>
    private static int? HeadingLineEnd(string text, TextSpan block)
    {
        var end = text.IndexOf('\n', block.Start, block.Length);
        return end > block.Start && !string.IsNullOrWhiteSpace(text[(end + 1)..block.End]) && UnquotableUnits.IsHeading(Clean(text[block.Start..end]))
            ? end
            : null;
    }

    // Symbol fonts put bullets in the private-use area, which shows as a box elsewhere.
    private static string Clean(string text) => PrivateBullet().Replace(Whitespace().Replace(text, " ").Trim(), "•");

    // A blank line, or a line that starts with a list marker.
    [GeneratedRegex(@"(?<=\n)\s*\n|(?<=\n)(?=[ \t]*(?:[•▪●◦∙·\-–*\uE000-\uF8FF]|\d{1,2}(?:\.\d{1,2}){1,4}|\(?[a-z]\)|\d{1,2}[)-])[ \t]+\S)")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\s*(?:[•▪●◦∙·\-–*\uE000-\uF8FF]|\d{1,2}(?:\.\d{1,2}){1,4}|\(?[a-z]\)|\d{1,2}[)-])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s*\d{1,2}(?:\.\d{1,2}){1,4}\s")]
    private static partial Regex ClauseNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\uE000-\uF8FF]")]
    private static partial Regex PrivateBullet();
}

/// <summary>A sentence or a list item of a passage, white space collapsed.</summary>
internal sealed record PassageUnit(string Text, bool IsListItem)
{
    /// <summary>A list item's first sentence, quoted when the item is listed under its lead-in.</summary>
    public string? Lead { get; init; }

    public bool IsLeadIn => Text.EndsWith(':');

    /// <summary>The end of a sentence whose beginning is in an earlier block (see <see cref="PassageUnits.Split"/>).</summary>
    public bool IsSentenceTail { get; init; }
}
