using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>What a file name says about its document: a language tag, a year, a national-strategy dataset label.</summary>
internal static partial class FileNameHints
{
    // ISO 639-1 codes a file name may end with ("_fr.txt"); a short list so that "_ab.pdf" or "-v2" are not read as one.
    private static readonly HashSet<string> LanguageCodes = new(StringComparer.Ordinal)
    {
        "en", "fr", "es", "ru", "ar", "zh", "el", "lv", "lt", "de", "it", "pt", "nl", "ja", "ko", "pl", "uk", "tr",
        "hu", "ro", "cs", "sk", "sl", "hr", "sr", "bg", "et", "fi", "sv", "da", "no", "nb", "he", "fa", "id", "ms",
        "th", "vi", "hi", "kk", "uz",
    };

    // ITU publication language letters in "T-REC-X.1056-200901-I!!PDF-E.pdf".
    private static readonly Dictionary<char, string> ItuLanguageLetters = new()
    {
        ['E'] = "en", ['F'] = "fr", ['S'] = "es", ['R'] = "ru", ['A'] = "ar", ['C'] = "zh",
    };

    /// <summary>The single language a file name declares; null for none or for a bilingual tag such as "_ar-en".</summary>
    public static string? Language(string fileName)
    {
        if (ItuLanguage().Match(fileName) is { Success: true } itu)
        {
            return ItuLanguageLetters.GetValueOrDefault(char.ToUpperInvariant(itu.Groups["letter"].Value[0]));
        }
        var tag = LanguageTag().Match(fileName);
        if (!tag.Success || tag.Groups["second"].Success)
        {
            return null;
        }
        var code = tag.Groups["first"].Value;
        return LanguageCodes.Contains(code) ? code : null;
    }

    /// <summary>The last stand-alone year 1900–2099 in the file name ("ncss_chad_2012_fr.txt" → 2012).</summary>
    public static int? Year(string fileName)
    {
        var matches = StandaloneYear().Matches(Path.GetFileNameWithoutExtension(fileName));
        return matches.Count == 0 ? null : int.Parse(matches[^1].Value);
    }

    /// <summary>The country slug and year of a national-strategy dataset name ("ncss_costa-rica_2021_es.txt").</summary>
    public static (string Country, int Year)? NationalLabel(string fileName)
    {
        var m = NationalStrategyName().Match(Path.GetFileName(fileName));
        return m.Success ? (m.Groups["country"].Value, int.Parse(m.Groups["year"].Value)) : null;
    }

    [GeneratedRegex(@"!PDF-(?<letter>[EFSRAC])\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItuLanguage();

    // "_fr.txt", "_en.pdf", "_ar-en.txt" (bilingual: two tags).
    [GeneratedRegex(@"[_-](?<first>[a-z]{2})(?:-(?<second>[a-z]{2}))?\.[A-Za-z0-9]+$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"(?<![\d.])(?:19|20)\d{2}(?!\d)")]
    private static partial Regex StandaloneYear();

    [GeneratedRegex(@"^ncss_(?<country>[a-z]+(?:-[a-z]+)*)_(?<year>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex NationalStrategyName();
}
