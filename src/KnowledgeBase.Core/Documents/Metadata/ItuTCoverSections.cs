using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// The front matter of an ITU-T Recommendation after its cover: the title under "Recommendation ITU-T X.1056",
/// the Summary and Keywords sections, the History table (edition, approval date, Study Group) and the approval note
/// ("approved on 13 January 2009 by ITU-T Study Group 17 (2009-2012)").
/// </summary>
internal static partial class ItuTCoverSections
{
    // Front matter sits in the first pages; the limit keeps "Summary" headings of annexes out.
    private const int FrontMatterLength = 12_000;
    private const int MaxTitleLength = 400;

    internal sealed record Sections(
        string? Title, string? Summary, IReadOnlyList<string>? Keywords, string? Edition, string? StudyGroup, string? StudyPeriod);

    public static Sections Read(string text, PartialDate? approval)
    {
        var front = text.Length <= FrontMatterLength ? text : text[..FrontMatterLength];
        var (edition, historyGroup) = History(front, approval);
        var note = ApprovalNote().Match(front);
        return new Sections(
            Title(front),
            TextBlocks.OneLine(Section(front, SummaryHeading())),
            Keywords(front),
            edition,
            note.Success ? note.Groups["group"].Value : historyGroup,
            note.Groups["period"].Success ? note.Groups["period"].Value : null);
    }

    // The title is the paragraph between a "Recommendation ITU-T X.1056" line and the next heading (Summary, Source,
    // Corrigendum); on the cover the same line is followed by the series table instead, which the length check skips.
    private static string? Title(string front)
    {
        foreach (Match heading in TitleHeading().Matches(front))
        {
            var rest = front[(heading.Index + heading.Length)..];
            var stop = TitleStop().Match(rest);
            if (stop.Success && stop.Index < MaxTitleLength && !rest[..stop.Index].Contains('|', StringComparison.Ordinal)
                && TextBlocks.OneLine(rest[..stop.Index]) is { } title)
            {
                return title;
            }
        }
        return null;
    }

    private static string? Section(string front, Regex heading)
    {
        var start = heading.Match(front);
        if (!start.Success)
        {
            return null;
        }
        var body = front[(start.Index + start.Length)..];
        var end = SectionEnd().Match(body);
        return end.Success ? body[..end.Index] : null;
    }

    private static List<string>? Keywords(string front)
    {
        var start = KeywordsHeading().Match(front);
        if (!start.Success)
        {
            return null;
        }
        var body = front[(start.Index + start.Length)..].TrimStart();
        var paragraphEnd = body.IndexOf("\n\n", StringComparison.Ordinal);
        var paragraph = TextBlocks.OneLine(paragraphEnd < 0 ? body : body[..paragraphEnd]) ?? "";
        var keywords = paragraph.TrimEnd('.').Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return keywords.Length == 0 ? null : [.. keywords];
    }

    // History rows: "1.0 | ITU-T X.1011 | 2021-10-29 | 17 | 11.1002/1000/14793". The row approved in the cover's
    // month is this edition; without a match the last row is.
    private static (string? Edition, string? StudyGroup) History(string front, PartialDate? approval)
    {
        var rows = HistoryRow().Matches(front);
        if (rows.Count == 0)
        {
            return (null, null);
        }
        var row = rows.FirstOrDefault(r => approval is { Month: not null } a && r.Groups["date"].Value.StartsWith(a.ToString(), StringComparison.Ordinal))
            ?? rows[^1];
        return (row.Groups["edition"].Value, row.Groups["group"].Value);
    }

    [GeneratedRegex(@"^(?:Recommendation\s+ITU-T|ITU-T\s+Recommendation)\s+[A-Z]\.\d[^\n]*\n", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"^\s*(?:Summary|Source|(?:Technical\s+)?Corrigendum\s+\d+|Amendment\s+\d+|\(Previously CCITT Recommendation\)|\(Formerly CCITT Recommendation\))\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleStop();

    [GeneratedRegex(@"^Summary\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"^Keywords\s*$", RegexOptions.Multiline)]
    private static partial Regex KeywordsHeading();

    [GeneratedRegex(@"^(?:History|Keywords|Source|FOREWORD|Introduction|Edition\s+Recommendation)\b", RegexOptions.Multiline)]
    private static partial Regex SectionEnd();

    [GeneratedRegex(@"^(?<edition>\d+\.\d+)\s*\|\s*ITU-T\s+[^\n]*?(?<date>(?:19|20)\d{2}-\d{2}-\d{2})\s*\|\s*(?<group>\d{1,2})\b", RegexOptions.Multiline)]
    private static partial Regex HistoryRow();

    // "was approved on 13 January 2009 by ITU-T Study Group 17 (2009-2012)", "was revised by ITU-T Study Groups 2
    // and 7 (1993-1996)", "was prepared by ITU-T Study Group 7 (1997-2000)": the first group named is kept.
    [GeneratedRegex(@"was\s+(?:approved|revised|prepared)[^.]{0,60}?\bby\s+ITU-T\s+Study\s+Groups?\s+(?<group>\d{1,2})(?:\s+and\s+\d{1,2})?(?:\s*\((?<period>(?:19|20)\d{2}-(?:19|20)\d{2})\))?")]
    private static partial Regex ApprovalNote();
}
