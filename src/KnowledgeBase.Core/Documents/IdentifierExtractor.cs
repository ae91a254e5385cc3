using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents;

/// <summary>
/// Finds document identifiers in text and normalises them so that the way a person types one matches the way a
/// cover prints it: "Recommendation ITU-T X.1056" and "x.1056" → "X.1056"; "NIST Special Publication 800-61
/// Revision 2" → "SP800-61" and "SP800-61R2"; "GB/T 22240-2008" → "GB/T22240".
/// </summary>
public static partial class IdentifierExtractor
{
    public static IReadOnlyList<string> Extract(string text)
    {
        // File names use underscores where covers use spaces ("itu-t_X.1056-200901-I.pdf").
        text = text.Replace('_', ' ');
        var found = new List<string>();
        foreach (Match m in ItuRecommendation().Matches(text))
        {
            found.Add($"{char.ToUpperInvariant(m.Groups["series"].Value[0])}.{m.Groups["number"].Value}{m.Groups["suffix"].Value.ToLowerInvariant()}");
        }
        foreach (Match m in NistSpecialPublication().Matches(text))
        {
            AddWithRevision(found, $"SP{m.Groups["series"].Value}-{m.Groups["number"].Value.ToUpperInvariant()}", m.Groups["revision"].Value);
        }
        foreach (Match m in NistInteragencyReport().Matches(text))
        {
            AddWithRevision(found, $"IR{m.Groups["number"].Value}", m.Groups["revision"].Value);
        }
        foreach (Match m in Fips().Matches(text))
        {
            found.Add($"FIPS{m.Groups["number"].Value}");
        }
        foreach (Match m in Rfc().Matches(text))
        {
            found.Add($"RFC{m.Groups["number"].Value}");
        }
        foreach (Match m in ChineseStandard().Matches(text))
        {
            var kind = m.Groups["kind"].Value.ToUpperInvariant().Replace(" ", "");
            found.Add($"{kind}{m.Groups["number"].Value}");
            if (kind != "GB")
            {
                found.Add($"GB{m.Groups["number"].Value}");
            }
        }
        foreach (Match m in IsoStandard().Matches(text))
        {
            found.Add($"ISO{m.Groups["number"].Value}");
        }
        foreach (Match m in NcaControls().Matches(text))
        {
            found.Add($"{m.Groups["name"].Value.ToUpperInvariant()}-{m.Groups["edition"].Value}");
        }
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddWithRevision(List<string> found, string identifier, string revision)
    {
        found.Add(identifier);
        if (revision.Length > 0)
        {
            found.Add($"{identifier}R{revision}");
        }
    }

    // X.1056, X.1080.1, E.166, X.20bis; the series letter must stand alone ("ITU-T X.1056", "(X.1056)").
    [GeneratedRegex(@"(?<![\p{L}\d.])(?<series>[A-Za-z])\.\s?(?<number>\d{1,4}(\.\d{1,3})?)(?<suffix>bis|ter)?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex ItuRecommendation();

    [GeneratedRegex(@"\b(Special\s+Publication|SP)\s*(?<series>\d{3,4})-(?<number>\d{1,3}[A-Za-z]?)(?=\b|r\d)(\s*(r|Rev\.?|Revision)\s*(?<revision>\d{1,2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex NistSpecialPublication();

    [GeneratedRegex(@"\b(NISTIR|NIST\s+IR|IR)\s*(?<number>\d{4})(?=\b|r\d)(\s*(r|Rev\.?|Revision)\s*(?<revision>\d{1,2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex NistInteragencyReport();

    [GeneratedRegex(@"\bFIPS\s*(PUB\s*)?(?<number>\d{2,3})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fips();

    [GeneratedRegex(@"\bRFC\s*(?<number>\d{3,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rfc();

    [GeneratedRegex(@"\b(?<kind>GB\s*/\s*[TZ]|GB)\s*(?<number>\d{4,5})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ChineseStandard();

    [GeneratedRegex(@"\bISO(/IEC)?\s*(?<number>\d{4,5})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex IsoStandard();

    [GeneratedRegex(@"\b(?<name>ECC|CSCC|TCC|NCS|OTCC|DCC|CCC|OSMACC)\s*-\s*(?<edition>\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NcaControls();
}
