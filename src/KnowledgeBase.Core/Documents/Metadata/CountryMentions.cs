using System.Globalization;
using System.Text;

namespace KnowledgeBase.Core.Documents.Metadata;

/// <summary>
/// Finds the countries a text names — "Bénin", "Togo et le Ghana", "Казахстане", "والمغرب", "贝宁", "BJ, TG" — in the
/// order they are first named, each once. Names are matched as whole words after the same folding as
/// <see cref="Countries.Lookup"/> (case, accents, punctuation); the longest name wins ("Papua New Guinea" is not also
/// "Guinea"). Russian names may carry a case ending, Arabic ones a joined "and"/"in"/"of" prefix; Chinese names are
/// found inside the running text. ISO codes are in <see cref="CountryCodeMentions"/>.
/// </summary>
public static class CountryMentions
{
    // Names that are also ordinary words or given names count only when written with a capital ("turkey", "chad").
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "chad", "jordan", "georgia", "turkey", "guinea", "chile", "granada", "salvador", "maurice", "niger", "china",
        "panama", "dominica", "korea", "mali", "togo",
    };

    private const string CyrillicEndings = "аяиьоеыую";
    private const string ArabicPrefixes = "وفبكل";

    private static readonly List<NameForm> Forms = BuildForms();

    public static IReadOnlyList<CountryMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = FoldedText.Of(text);
        var found = new List<(int Start, int End, Country Country)>();
        foreach (var form in Forms)
        {
            found.AddRange(form.Han ? FindHan(folded, form) : FindWords(folded, form, text));
        }
        var taken = new List<(int Start, int End, Country Country)>();
        foreach (var match in found.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
        {
            if (!taken.Any(t => match.Start < t.End && t.Start < match.End))
            {
                taken.Add(match);
            }
        }
        var mentions = taken
            .Select(t => new CountryMention(t.Country, text[folded.Origin[t.Start]..folded.OriginEnd(t.End)], folded.Origin[t.Start]))
            .Concat(CountryCodeMentions.Find(text));
        return mentions
            .OrderBy(m => m.Start)
            .DistinctBy(m => m.Country.Code)
            .ToList();
    }

    private static IEnumerable<(int, int, Country)> FindHan(FoldedText folded, NameForm form)
    {
        for (var at = folded.Text.IndexOf(form.Key, StringComparison.Ordinal); at >= 0;
             at = folded.Text.IndexOf(form.Key, at + 1, StringComparison.Ordinal))
        {
            yield return (at, at + form.Key.Length, form.Country);
        }
    }

    private static IEnumerable<(int, int, Country)> FindWords(FoldedText folded, NameForm form, string original)
    {
        var words = folded.Words;
        for (var i = 0; i + form.Words.Length <= words.Count; i++)
        {
            var matched = true;
            for (var w = 0; w < form.Words.Length && matched; w++)
            {
                matched = WordMatches(form.Words[w], folded.Word(i + w), first: w == 0);
            }
            if (!matched)
            {
                continue;
            }
            var start = words[i].Start;
            if (form.NeedsCapital && !char.IsUpper(original[folded.Origin[start]]))
            {
                continue;
            }
            yield return (start, words[i + form.Words.Length - 1].End, form.Country);
        }
    }

    private static bool WordMatches(string name, string word, bool first)
    {
        if (name == word)
        {
            return true;
        }
        if (IsCyrillic(name[0]))
        {
            // Russian declines names: "Бенин" → "Бенине", "Россия" → "России". A short stem would match other words
            // ("Мали" → "малый"), so a name whose stem is under four letters takes endings only after a consonant.
            var stem = name.TrimEnd(CyrillicEndings.ToCharArray());
            if (stem.Length < 4 && stem.Length != name.Length)
            {
                return false;
            }
            return word.Length > stem.Length && word.Length - stem.Length <= 3 && word.StartsWith(stem, StringComparison.Ordinal)
                && word[stem.Length..].All(IsCyrillic);
        }
        if (first && IsArabic(name[0]) && word.Length > name.Length && word.Length - name.Length <= 2
            && word.EndsWith(name, StringComparison.Ordinal))
        {
            // "والمغرب" (and Morocco), "بالمغرب" (in Morocco): one or two joined particles before the name.
            return word[..^name.Length].All(c => ArabicPrefixes.Contains(c, StringComparison.Ordinal));
        }
        return false;
    }

    private static List<NameForm> BuildForms()
    {
        var forms = new List<NameForm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (country, name) in Countries.Names())
        {
            var key = Countries.Normalise(name);
            // Two- and three-letter names (US, UK, USA, UAE) are acronyms: CountryCodeMentions reads them in capitals.
            if (key.Length < 4 && !key.Any(IsHan) || !seen.Add(key + "\0" + country.Code))
            {
                continue;
            }
            var han = key.Any(IsHan);
            forms.Add(new NameForm(country, han ? key.Replace(" ", "", StringComparison.Ordinal) : key, key.Split(' '), han, CommonWords.Contains(key)));
        }
        return forms;
    }

    internal static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private sealed record NameForm(Country Country, string Key, string[] Words, bool Han, bool NeedsCapital);

    /// <summary>A text folded as <see cref="Countries.Normalise"/> folds names, remembering where each character came from.</summary>
    private sealed class FoldedText
    {
        private FoldedText(string text, List<int> origin)
        {
            Text = text;
            Origin = origin;
            var words = new List<(int Start, int End)>();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var boundary = i == text.Length || text[i] == ' ';
                if (boundary && start >= 0)
                {
                    words.Add((start, i));
                    start = -1;
                }
                else if (!boundary && start < 0)
                {
                    start = i;
                }
            }
            Words = words;
        }

        public string Text { get; }

        public List<int> Origin { get; }

        public List<(int Start, int End)> Words { get; }

        public string Word(int index) => Text[Words[index].Start..Words[index].End];

        /// <summary>The original index just after the folded character before <paramref name="end"/>.</summary>
        public int OriginEnd(int end) => Origin[end - 1] + 1;

        public static FoldedText Of(string text)
        {
            var builder = new StringBuilder(text.Length);
            var origin = new List<int>(text.Length);
            var pendingSpace = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '\'' or '’')
                {
                    // "Benin's" is Benin: the possessive s goes with the apostrophe; otherwise apostrophes join.
                    if (i + 1 < text.Length && text[i + 1] is 's' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                    {
                        i++;
                    }
                    continue;
                }
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark)
                    {
                        continue;
                    }
                    if (!char.IsLetterOrDigit(d))
                    {
                        pendingSpace = true;
                        continue;
                    }
                    if (pendingSpace && builder.Length > 0)
                    {
                        builder.Append(' ');
                        origin.Add(i);
                    }
                    pendingSpace = false;
                    builder.Append(char.ToLowerInvariant(d));
                    origin.Add(i);
                }
            }
            return new FoldedText(builder.ToString(), origin);
        }
    }
}
