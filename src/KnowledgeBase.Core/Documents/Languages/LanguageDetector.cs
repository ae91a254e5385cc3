using Lingua;
using LinguaDetector = Lingua.LanguageDetector;

namespace KnowledgeBase.Core.Documents.Languages;

/// <summary>
/// Tells which of the corpus languages a text is written in, as an ISO 639-1 code ("en", "fr", "es", "ru", "ar",
/// "zh", "el", "lv", "pt", "de"), or null when the text is too short or too uncertain to say. Chinese and Arabic
/// are recognised by their script alone; the others by Lingua's n-gram models. Thread-safe: register one instance;
/// its Lingua detector is built on first use, and the models it loads are cached for the whole process.
/// </summary>
public sealed class LanguageDetector
{
    // Fewer letters than this is a heading, a number or noise, not a phrase whose language can be trusted.
    private const int MinimumLetters = 20;
    // Without the short-text models only trigrams are used, and on short texts their confidence is blind to noise
    // ("qzx vbnk wrtp" comes out Latvian at 1.00): Lingua itself switches to trigrams only from 120 chars.
    private const int MinimumLettersForTrigrams = 100;
    // Chinese packs a word into one or two chars, so fewer of them make a phrase.
    private const int MinimumHanLetters = 6;
    // Share of letters in one script above which the script decides the language without Lingua.
    private const double ScriptShare = 0.6;
    // Lingua's confidence gap between the best and the second language; below it the answer is a guess.
    private const double MinimumRelativeDistance = 0.3;
    // Lingua's cost grows with the text; a few thousand chars settle the language of anything longer.
    private const int MaximumChars = 4_000;

    private static readonly Dictionary<Language, string> Codes = CorpusLanguages.All.ToDictionary(e => e.Detected, e => e.Code);

    private readonly int _minimumLetters;
    private readonly Lazy<LinguaDetector> _lingua;

    /// <summary>
    /// A detector for document text (samples of a few hundred chars or more); with <paramref name="shortTexts"/>
    /// also for short texts such as titles or search queries. Lingua loads models lazily from
    /// Lingua/LanguageModels beside the application: for document text only the trigram models (about 0.15 s and
    /// 10 MB on first use); with short texts every n-gram size of the candidate languages, which costs about 2 s
    /// and 350 MB on the first short text.
    /// </summary>
    public LanguageDetector(bool shortTexts = false)
    {
        _minimumLetters = shortTexts ? MinimumLetters : MinimumLettersForTrigrams;
        _lingua = new(() => Build(shortTexts), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The language of <paramref name="text"/>, or null when it cannot be told reliably.</summary>
    public string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaximumChars)
        {
            text = text[..MaximumChars];
        }
        var (han, letters) = Scripts.ShareOfLetters(text, Scripts.IsHan);
        if (han >= ScriptShare && letters >= MinimumHanLetters)
        {
            return "zh";
        }
        if (letters < MinimumLetters)
        {
            return null;
        }
        if (Scripts.ShareOfLetters(text, Scripts.IsArabic).Share >= ScriptShare)
        {
            return "ar";
        }
        return letters < _minimumLetters ? null : Codes.GetValueOrDefault(_lingua.Value.DetectLanguageOf(text));
    }

    /// <summary>
    /// The language of a whole document from a few samples of it (see <see cref="Sample"/>): the language of more
    /// than half of the samples whose language could be told, or null when there is no such majority.
    /// </summary>
    public string? DetectDominant(IEnumerable<string> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var votes = samples.Select(Detect).OfType<string>().CountBy(language => language).ToList();
        if (votes.Count == 0)
        {
            return null;
        }
        var (best, count) = votes.MaxBy(v => v.Value);
        return count * 2 > votes.Sum(v => v.Value) ? best : null;
    }

    /// <summary>
    /// Cuts up to <paramref name="slices"/> slices of about <paramref name="sliceLength"/> chars, evenly spread
    /// over the first <paramref name="budget"/> chars of <paramref name="text"/> and ending at a space, so a
    /// document's cover page or a bilingual preface does not decide its language alone.
    /// </summary>
    public static IReadOnlyList<string> Sample(string text, int budget = 20_000, int slices = 5, int sliceLength = 2_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, budget);
        if (length <= sliceLength)
        {
            return length == 0 ? [] : [text[..length]];
        }
        var step = Math.Max(sliceLength, (length - sliceLength) / Math.Max(1, slices - 1));
        var samples = new List<string>();
        for (var offset = 0; offset < length && samples.Count < slices; offset += step)
        {
            // Start after a space and end before one, so no slice begins or ends with half a word.
            var space = offset == 0 ? -1 : text.IndexOf(' ', offset, Math.Min(100, text.Length - offset));
            var start = space < 0 ? offset : space + 1;
            var end = Math.Min(text.Length, start + sliceLength);
            space = text.LastIndexOf(' ', end - 1, end - start);
            samples.Add(text[start..(space > start && end < text.Length ? space : end)]);
        }
        return samples;
    }

    private static LinguaDetector Build(bool shortTexts)
    {
        var builder = LanguageDetectorBuilder.FromLanguages([.. Codes.Keys])
            .WithMinimumRelativeDistance(MinimumRelativeDistance);
        return (shortTexts ? builder : builder.WithLowAccuracyMode()).Build();
    }
}
