using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Countries named by ISO 3166-1 code or acronym in capitals: "BJ, TG and GH", "the US", "UAE". A code that is also a
/// common abbreviation in this field (IT, HR, SG for study group, IR for NIST Interagency Reports, CI, QA, ML…) counts
/// only beside another code, as in "BJ, TG, CI".
/// </summary>
internal static partial class CountryCodeMentions
{
    private static readonly HashSet<string> Ambiguous = new(StringComparer.Ordinal)
    {
        "AM", "AT", "BE", "CA", "CD", "CI", "CO", "CV", "DE", "DO", "EC", "ER", "ES", "ET", "GA", "GE", "HR", "ID", "IE",
        "IN", "IR", "IS", "IT", "LA", "MA", "ME", "ML", "MY", "NA", "NE", "NO", "OM", "PA", "PE", "PK", "PL", "PS", "PT",
        "QA", "SA", "SE", "SG", "SI", "SO", "ST", "TO", "TR", "TV", "VA",
    };

    // Acronyms of the name table that read as countries only in capitals ("us" is a pronoun).
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["US"] = "US", ["USA"] = "US", ["UK"] = "GB", ["UAE"] = "AE", ["KSA"] = "SA", ["DRC"] = "CD", ["RDC"] = "CD",
        ["PRC"] = "CN", ["DPRK"] = "KP",
    };

    public static IEnumerable<CountryMention> Find(string text)
    {
        var tokens = Token().Matches(text)
            .Select(m => (Match: m, Country: Acronyms.TryGetValue(m.Value, out var code) ? Countries.ByCode(code) : m.Length == 2 ? Countries.ByCode(m.Value) : null))
            .Where(t => t.Country is not null)
            .ToList();
        var counted = tokens.Select(t => !Ambiguous.Contains(t.Match.Value)).ToArray();
        // An ambiguous code counts when it is listed with one that counts; a list may chain ("CI, SN, BJ").
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!counted[i] && (Listed(text, tokens, counted, i, i - 1) || Listed(text, tokens, counted, i, i + 1)))
                {
                    counted[i] = changed = true;
                }
            }
        }
        return tokens.Where((_, i) => counted[i]).Select(t => new CountryMention(t.Country!, t.Match.Value, t.Match.Index));
    }

    private static bool Listed(string text, List<(Match Match, Country? Country)> tokens, bool[] counted, int at, int other)
    {
        if (other < 0 || other >= tokens.Count || !counted[other])
        {
            return false;
        }
        var (first, second) = other < at ? (tokens[other].Match, tokens[at].Match) : (tokens[at].Match, tokens[other].Match);
        return Separator().IsMatch(text[(first.Index + first.Length)..second.Index]);
    }

    // Two to four capitals standing alone: not inside a word, a number ("SG17"), a hyphenated name or a path.
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-./])[A-Z]{2,4}(?![\p{L}\p{N}\-])")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(\s|,|;|/|&|،|、|\band\b|\bor\b|\bet\b|\bou\b|\by\b|\bo\b|\bи\b|\bили\b)*$", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();
}
