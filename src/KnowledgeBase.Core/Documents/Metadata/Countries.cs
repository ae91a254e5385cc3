using System.Globalization;
using System.Text;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Finds a country by ISO code or by name as file names and covers write it: "costa-rica", "north_macedonia",
/// "Côte d'Ivoire", "Tchad", "Казахстан", "USA", "بنين", "贝宁". The table lives in Countries.Data.cs, names in the
/// other ITU languages in Countries.Names.cs.
/// </summary>
public static partial class Countries
{
    private static readonly Dictionary<string, Country> ByKey;

    // A static constructor rather than field initialisers: the table is a field of the other partial file, and
    // initialisers in different files of a partial class run in no guaranteed order.
#pragma warning disable CA1810
    static Countries()
    {
        ByKey = BuildIndex();
        All = Table.Select(row => row.Country).ToList();
    }
#pragma warning restore CA1810

    public static IReadOnlyList<Country> All { get; }

    /// <summary>The country a code or a name (in the six ITU languages) stands for, or null.</summary>
    public static Country? Lookup(string nameOrCode)
    {
        ArgumentNullException.ThrowIfNull(nameOrCode);
        var key = Normalise(nameOrCode);
        return key.Length > 0 && ByKey.TryGetValue(key, out var country) ? country : null;
    }

    /// <summary>The country with this ISO 3166-1 alpha-2 code (any case), or null.</summary>
    public static Country? ByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().Length == 2 ? Lookup(code) : null;
    }

    /// <summary>
    /// Lower case without accents, with hyphens, underscores and punctuation as single spaces and a leading "the"
    /// dropped, so "The_Gambia", "gambia" and "GAMBIA" meet; Cyrillic loses its diacritics the same way on both sides.
    /// </summary>
    internal static string Normalise(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            // Apostrophes join rather than separate: "Côte d'Ivoire" and "cote divoire" meet.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        var key = builder.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    /// <summary>Every name of every country (not the codes), the main table's first.</summary>
    internal static IEnumerable<(Country Country, string Name)> Names()
    {
        foreach (var (country, aliases) in Table)
        {
            foreach (var name in aliases.Prepend(country.Name))
            {
                yield return (country, name);
            }
        }
        var byCode = Table.ToDictionary(row => row.Country.Code, row => row.Country, StringComparer.Ordinal);
        foreach (var (code, names) in OtherLanguageNames)
        {
            foreach (var name in names)
            {
                yield return (byCode[code], name);
            }
        }
    }

    private static Dictionary<string, Country> BuildIndex()
    {
        var index = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var (country, _) in Table)
        {
            index[Normalise(country.Code)] = country;
        }
        foreach (var (country, name) in Names())
        {
            // First entry wins so that an ambiguous alias cannot silently move a country.
            index.TryAdd(Normalise(name), country);
        }
        return index;
    }
}
