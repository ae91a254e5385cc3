using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

/// <summary>One document per ITU language in one index; a native query finds its own language first.</summary>
public sealed class NativeLanguageSearchTests : IClassFixture<NativeLanguageSearchTests.MultilingualIndexes>
{
    private readonly MultilingualIndexes _fixture;

    public NativeLanguageSearchTests(MultilingualIndexes fixture) => _fixture = fixture;

    [Theory]
    [InlineData("incident response team staffing", "nist_sp800-61r2_2012.pdf", "en")]
    [InlineData("sécurité des systèmes d'information de l'État", "strategy_fr.txt", "fr")]
    [InlineData("estrategias de ciberseguridad nacional", "strategy_es.txt", "es")]
    [InlineData("информационной безопасности", "strategy_ru.txt", "ru")]
    [InlineData("الأمن السيبراني", "strategy_ar.txt", "ar")]
    [InlineData("网络安全", "resolution_zh.txt", "zh")]
    public void NativeQuery_AmongWrittenTexts_TopHitIsFromTheTextInThatLanguage(string query, string expectedFile, string language)
    {
        AssertTopHit(_fixture.Written, query, expectedFile, language);
    }

    [SharedCorpusTheory]
    [InlineData("incident response team staffing", "nist_sp800-61r2_2012.pdf", "en")]
    [InlineData("sécurité des systèmes d'information de l'État", "ncss_benin_2020_fr.txt", "fr")]
    [InlineData("estrategias de ciberseguridad nacional", "ncss_spain_2013_es.txt", "es")]
    [InlineData("информационной безопасности", "ncss_kazakhstan_2017_ru.txt", "ru")]
    [InlineData("الأمن السيبراني", "sa_nca_ecc-controls_ar-en.txt", "ar")]
    [InlineData("网络安全", "resolution45_zh.txt", "zh")]
    public void NativeQuery_AmongRealDocuments_TopHitIsFromTheDocumentInThatLanguage(string query, string expectedFile, string language)
    {
        AssertTopHit(_fixture.Real!, query, expectedFile, language);
    }

    private static void AssertTopHit(string indexPath, string query, string expectedFile, string language)
    {
        using var index = KeywordIndex.OpenForReading(indexPath);

        var hits = index.Search(new SearchRequest(query, 3)).Hits;
        var filtered = index.Search(new SearchRequest(query, 3) { Filters = new SearchFilters { Languages = [language] } }).Hits;

        Assert.EndsWith(expectedFile, hits[0].Source);
        Assert.NotEmpty(filtered);
        Assert.Contains("<mark>", hits[0].Snippet);
    }

    /// <summary>
    /// Two indexes: texts written for the tests (always), and real documents from ../shared (only when it is there, so
    /// a clone without it skips those tests instead of failing here).
    /// </summary>
    public sealed class MultilingualIndexes : IDisposable
    {
        private readonly TempFolder _temp = new();

        public MultilingualIndexes()
        {
            Written = _temp.Combine("written");
            Ingest.Paths(Written,
                TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"),
                TestPaths.Fixture("Languages/strategy_fr.txt"),
                TestPaths.Fixture("Languages/strategy_es.txt"),
                TestPaths.Fixture("Languages/strategy_ru.txt"),
                TestPaths.Fixture("Languages/strategy_ar.txt"),
                TestPaths.Fixture("Languages/resolution_zh.txt"));
            if (SharedCorpus.IsPresent)
            {
                Real = _temp.Combine("real");
                Ingest.Paths(Real,
                    TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"),
                    TestPaths.SharedCorpus("text/ncss_benin_2020_fr.txt"),
                    TestPaths.SharedCorpus("text/ncss_spain_2013_es.txt"),
                    TestPaths.SharedCorpus("text/ncss_kazakhstan_2017_ru.txt"),
                    TestPaths.SharedCorpus("text/sa_nca_ecc-controls_ar-en.txt"),
                    TestPaths.SharedSeed("resolution45_zh.txt"));
            }
        }

        public string Written { get; }

        public string? Real { get; }

        public void Dispose() => _temp.Dispose();
    }
}
