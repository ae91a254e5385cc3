using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Finds the first stated date in cover text, in the languages of the corpus: "August 2012", "April 16, 2018",
/// "du 04 juillet 2022", "15 de diciembre de 2021", "от 15 февраля 2017 года", "24.12.2020", "2008-06-19", and
/// decree numbers carrying a year ("ORDONNANCE N° 08 /PCMT/2022"). Bare years are not dates: "2020-2025" is a
/// period and "to 2020" a horizon, so they are left to the caller.
/// </summary>
internal static partial class TextDates
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static PartialDate? FindFirst(string text)
    {
        PartialDate? best = null;
        foreach (Match m in MonthYear().Matches(text))
        {
            if (Months.TryGetValue(Countries.Normalise(m.Groups["month"].Value), out var month))
            {
                best = Earlier(best, new PartialDate(int.Parse(m.Groups["year"].Value), month, m.Index));
                break;
            }
        }
        if (NumericDate().Match(text) is { Success: true } numeric)
        {
            best = Earlier(best, FromNumeric(numeric));
        }
        if (DecreeNumber().Match(text) is { Success: true } decree)
        {
            best = Earlier(best, new PartialDate(int.Parse(decree.Groups["year"].Value), null, decree.Index));
        }
        return best;
    }

    private static PartialDate FromNumeric(Match m)
    {
        if (m.Groups["isoYear"].Success)
        {
            return new PartialDate(int.Parse(m.Groups["isoYear"].Value), int.Parse(m.Groups["isoMonth"].Value), m.Index);
        }
        var month = int.Parse(m.Groups["month"].Value);
        return new PartialDate(int.Parse(m.Groups["year"].Value), month is >= 1 and <= 12 ? month : null, m.Index);
    }

    private static PartialDate? Earlier(PartialDate? current, PartialDate candidate) =>
        current is null || candidate.Index < current.Value.Index ? candidate : current;

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "janvier", "janv", "enero", "ene", "январь", "января"],
            ["february", "feb", "fevrier", "fevr", "febrero", "февраль", "февраля"],
            ["march", "mar", "mars", "marzo", "март", "марта"],
            ["april", "apr", "avril", "avr", "abril", "abr", "апрель", "апреля"],
            ["may", "mai", "mayo", "май", "мая"],
            ["june", "jun", "juin", "junio", "июнь", "июня"],
            ["july", "jul", "juillet", "juil", "julio", "июль", "июля"],
            ["august", "aug", "aout", "agosto", "ago", "август", "августа"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "сентябрь", "сентября"],
            ["october", "oct", "octobre", "octubre", "октябрь", "октября"],
            ["november", "nov", "novembre", "noviembre", "ноябрь", "ноября"],
            ["december", "dec", "decembre", "diciembre", "dic", "декабрь", "декабря"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[Countries.Normalise(name)] = i + 1;
            }
        }
        return months;
    }

    // A month word, an optional day, then a four-digit year: "August 2012", "April 16, 2018", "Mai - 2020",
    // "AUGUST | 2021", "septiembre de 2021", "февраля 2017". A day before the month needs no pattern of its own.
    [GeneratedRegex(@"(?<![\p{L}\d])(?<month>\p{L}{3,10})\.?(?:[\s,|–-]+(?<day>\d{1,2})(?:st|nd|rd|th)?)?[\s,|–-]+(?:de\s+)?(?<year>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex MonthYear();

    // "24.12.2020", "18-12-2012", or ISO "2008-06-19"; not after a slash, where it is part of a citation of an
    // earlier act ("Υ6/9.7.2019").
    [GeneratedRegex(@"(?<![\d/])(?:(?<day>\d{1,2})[./-](?<month>\d{1,2})[./-](?<year>(?:19|20)\d{2})|(?<isoYear>(?:19|20)\d{2})-(?<isoMonth>0[1-9]|1[0-2])-\d{2})(?!\d)")]
    private static partial Regex NumericDate();

    // Decree and ordinance numbers end with the year: "N° 08 /PCMT/2022", "No. 12/2019".
    [GeneratedRegex(@"\bN(?:°|º|o\.?)\s*\d+\s*/(?:\s*[A-Z]+\s*/)*\s*(?<year>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex DecreeNumber();
}
