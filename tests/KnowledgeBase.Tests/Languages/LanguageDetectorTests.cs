using KnowledgeBase.Core.Documents.Languages;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Languages;

/// <summary>
/// Language detection on texts written for these tests (Fixtures/Languages), on slices of real documents from the
/// shared corpus when it is present, and on strings too short to tell.
/// </summary>
public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector Detector = new();
    private static readonly LanguageDetector ShortTextDetector = new(shortTexts: true);

    public static TheoryData<string, string> CorpusTexts => new()
    {
        { "text/ncss_benin_2020_fr.txt", "fr" },
        { "text/ncss_spain_2013_es.txt", "es" },
        { "text/ncss_kazakhstan_2017_ru.txt", "ru" },
        { "text/ncss_greece_2020_el.txt", "el" },
        { "text/ncss_latvia_2014_lv.txt", "lv" },
        { "text/ncss_usa_2015_en.txt", "en" },
    };

    public static TheoryData<string, string> WrittenTexts => new()
    {
        { "strategy_fr.txt", "fr" },
        { "strategy_es.txt", "es" },
        { "strategy_ru.txt", "ru" },
        { "strategy_el.txt", "el" },
        { "strategy_lv.txt", "lv" },
        { "strategy_en.txt", "en" },
    };

    [Theory]
    [MemberData(nameof(WrittenTexts))]
    public void Detect_WrittenParagraph_ReturnsItsLanguage(string file, string expected)
    {
        var text = Written(file);

        var paragraph = text.Split("\n\n").MaxBy(p => p.Length)!;

        Assert.Equal(expected, Detector.Detect(paragraph));
        Assert.Equal(expected, Detector.DetectDominant(LanguageDetector.Sample(text)));
    }

    [Fact]
    public void Detect_WrittenChineseResolution_ReturnsZh()
    {
        var text = Written("resolution_zh.txt");

        Assert.Equal("zh", Detector.Detect(text));
        Assert.Equal("zh", Detector.DetectDominant(LanguageDetector.Sample(text)));
    }

    [Fact]
    public void Detect_EachWrittenBilingualControl_ReturnsArOrEn()
    {
        var lines = File.ReadLines(TestPaths.Fixture("Languages/controls_ar-en.txt")).ToList();
        var arabic = lines.Where(l => l.StartsWith("AR: ", StringComparison.Ordinal)).ToList();
        var english = lines.Where(l => l.StartsWith("EN: ", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, arabic.Count);
        Assert.Equal(4, english.Count);
        Assert.All(arabic, line => Assert.Equal("ar", Detector.Detect(line)));
        Assert.All(english, line => Assert.Equal("en", Detector.Detect(line)));
    }

    [Fact]
    public void DetectDominant_EvenSplitBetweenTwoWrittenTexts_ReturnsNull()
    {
        var language = Detector.DetectDominant([Written("strategy_fr.txt"), Written("strategy_es.txt")]);

        Assert.Null(language);
    }

    [Fact]
    public void Detect_WrittenTextsFromManyThreads_GiveTheSameAnswers()
    {
        var samples = WrittenTexts.Select(row => (string)row[0])
            .SelectMany(file => Written(file).Split("\n\n"))
            .ToList();

        AssertSameAnswersFromManyThreads(samples);
    }

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusTexts))]
    public void Detect_SliceOfRealDocument_ReturnsItsLanguage(string file, string expected)
    {
        var text = File.ReadAllText(TestPaths.SharedCorpus(file));

        // A slice from the middle: the body text, not the cover page.
        var language = Detector.Detect(text.Substring(text.Length / 2, 2_000));

        Assert.Equal(expected, language);
    }

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusTexts))]
    public void DetectDominant_SamplesOfRealDocument_ReturnsItsLanguage(string file, string expected)
    {
        var text = File.ReadAllText(TestPaths.SharedCorpus(file));

        var language = Detector.DetectDominant(LanguageDetector.Sample(text));

        Assert.Equal(expected, language);
    }

    [SharedCorpusFact]
    public void Detect_ChineseResolution_ReturnsZh()
    {
        var text = File.ReadAllText(TestPaths.SharedSeed("resolution45_zh.txt"));

        Assert.Equal("zh", Detector.Detect(text));
        Assert.Equal("zh", Detector.DetectDominant(LanguageDetector.Sample(text)));
    }

    [SharedCorpusFact]
    public void Detect_EachArabicControlText_ReturnsAr()
    {
        var arabic = File.ReadLines(TestPaths.SharedCorpus("text/sa_nca_ecc-controls_ar-en.txt"))
            .Where(l => l.StartsWith("AR: ", StringComparison.Ordinal))
            .Take(50)
            .ToList();

        Assert.NotEmpty(arabic);
        Assert.All(arabic, line => Assert.Equal("ar", Detector.Detect(line)));
    }

    [SharedCorpusFact]
    public void Detect_EachEnglishControlText_ReturnsEn()
    {
        var english = File.ReadLines(TestPaths.SharedCorpus("text/sa_nca_ecc-controls_ar-en.txt"))
            .Where(l => l.StartsWith("EN: ", StringComparison.Ordinal) && l.Length > 160)
            .Take(50)
            .ToList();

        Assert.NotEmpty(english);
        Assert.All(english, line => Assert.Equal("en", Detector.Detect(line)));
    }

    [Theory]
    [InlineData("A segurança cibernética é uma prioridade nacional e exige a cooperação entre as entidades públicas.", "pt")]
    [InlineData("Die Bundesregierung stärkt die Cybersicherheit in der Verwaltung und in kritischen Infrastrukturen.", "de")]
    [InlineData("Plan de réponse aux incidents de sécurité", "fr")]
    [InlineData("Estrategia nacional de ciberseguridad", "es")]
    [InlineData("Национальная стратегия кибербезопасности", "ru")]
    [InlineData("Informācijas tehnoloģiju drošības incidentu novēršana", "lv")]
    public void Detect_ShortSentenceWithShortTextModels_ReturnsItsLanguage(string text, string expected)
    {
        Assert.Equal(expected, ShortTextDetector.Detect(text));
    }

    [Fact]
    public void Detect_ShortSentenceWithDocumentModelsOnly_ReturnsNull()
    {
        Assert.Null(Detector.Detect("Plan de réponse aux incidents de sécurité"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("6.2.1")]
    [InlineData("ISO/IEC 27001:2022")]
    [InlineData("Annex A")]
    [InlineData("--- *** --- 12 34 56 78 90 ---")]
    [InlineData("qzx vbnk wrtp ghjl mnbv cxzq plkj")]
    [InlineData("xx yy zz qq ww ee rr tt uu ii oo pp")]
    [InlineData("asdf ghjk lmno pqrs tuvw xyz abcd efgh")]
    [InlineData("lorem ipsum dolor sit amet consectetur")]
    [InlineData("ISO IEC NIST CSF SP CIS OWASP ENISA")]
    [InlineData("安全")]
    public void Detect_ShortOrNoiseText_ReturnsNull(string text)
    {
        Assert.Null(Detector.Detect(text));
        Assert.Null(ShortTextDetector.Detect(text));
    }

    [SharedCorpusFact]
    public void DetectDominant_EvenSplitBetweenTwoLanguages_ReturnsNull()
    {
        var french = File.ReadAllText(TestPaths.SharedCorpus("text/ncss_benin_2020_fr.txt"));
        var spanish = File.ReadAllText(TestPaths.SharedCorpus("text/ncss_spain_2013_es.txt"));

        var language = Detector.DetectDominant([french.Substring(french.Length / 2, 2_000), spanish.Substring(spanish.Length / 2, 2_000)]);

        Assert.Null(language);
    }

    [Fact]
    public void DetectDominant_OnlyNoise_ReturnsNull()
    {
        Assert.Null(Detector.DetectDominant(["", "12.3", "ISO 27001"]));
    }

    [SharedCorpusFact]
    public void Detect_CalledFromManyThreads_GivesTheSameAnswers()
    {
        var samples = CorpusTexts.Select(row => (string)row[0])
            .Select(file => File.ReadAllText(TestPaths.SharedCorpus(file)))
            .SelectMany(text => LanguageDetector.Sample(text))
            .ToList();

        AssertSameAnswersFromManyThreads(samples);
    }

    [Fact]
    public void Sample_LongText_CutsFiveSlicesWithinTheBudgetEndingAtSpaces()
    {
        var text = string.Join(' ', Enumerable.Repeat("mot", 20_000));

        var samples = LanguageDetector.Sample(text);

        Assert.Equal(5, samples.Count);
        Assert.All(samples, s => Assert.InRange(s.Length, 1_900, 2_000));
        Assert.All(samples, s => Assert.EndsWith("mot", s));
    }

    private static string Written(string file) => File.ReadAllText(TestPaths.Fixture($"Languages/{file}"));

    private static void AssertSameAnswersFromManyThreads(List<string> samples)
    {
        var detector = new LanguageDetector();
        var sequential = samples.Select(detector.Detect).ToList();

        var parallel = new string?[samples.Count];
        Parallel.For(0, samples.Count * 4, i => parallel[i % samples.Count] = detector.Detect(samples[i % samples.Count]));

        Assert.Equal(sequential, parallel);
    }
}
