using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Ingestion.Parsing.Pdf;

/// <summary>
/// Removes running headers, footers and page numbers: lines near the top or bottom of a page that repeat, once
/// digits are masked, on many pages ("Rec. ITU-T X.1056 (01/2009) 7"), and lone page numbers there.
/// </summary>
internal static partial class RunningTextFilter
{
    private const int EdgeLines = 3;

    public static IReadOnlyList<IReadOnlyList<PdfLine>> Apply(IReadOnlyList<PageLines> pages)
    {
        var pageCounts = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            foreach (var key in EdgeCandidates(page).Select(l => Mask(l.Text)).Distinct())
            {
                pageCounts[key] = pageCounts.GetValueOrDefault(key) + 1;
            }
        }
        var threshold = Math.Max(3, (int)Math.Ceiling(pages.Count * 0.25));
        var running = pageCounts.Where(p => p.Value >= threshold).Select(p => p.Key).ToHashSet();

        var kept = pages.Select(page =>
        {
            var edge = EdgeCandidates(page).ToHashSet();
            return (IReadOnlyList<PdfLine>)page.Lines
                .Where(l => !edge.Contains(l) || (!running.Contains(Mask(l.Text)) && !PageNumber().IsMatch(l.Text)))
                .ToList();
        }).ToList();
        // Headers and footers frame a body; a document whose every line looks like one (each page holds the same
        // single line) has no other body, so those lines are its text.
        var keptNothing = kept.All(lines => lines.Count == 0) && pages.Any(p => p.Lines.Count > 0);
        return keptNothing ? pages.Select(p => p.Lines).ToList() : kept;
    }

    /// <summary>The first and last few lines of a page that sit in its top or bottom eighth.</summary>
    private static IEnumerable<PdfLine> EdgeCandidates(PageLines page)
    {
        var margin = page.Height / 8;
        var top = page.Lines.Take(EdgeLines).Where(l => l.Y > page.Height - margin);
        var bottom = page.Lines.TakeLast(EdgeLines).Where(l => l.Y < margin);
        return top.Concat(bottom);
    }

    private static string Mask(string text)
    {
        var masked = Digits().Replace(text.ToLowerInvariant(), "#");
        return EdgeRoman().Replace(masked, "#").Replace(" ", "");
    }

    // Roman page numbers of front matter ("iii") at either end of a header or footer.
    [GeneratedRegex(@"(^[ivxlc]{1,6}\b|\b[ivxlc]{1,6}$)")]
    private static partial Regex EdgeRoman();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\W*((page|p\.)\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(of|/)\s*\d{1,4})?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
