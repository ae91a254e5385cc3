using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

/// <summary>One real document per ITU language in one index; a native query finds its own language first.</summary>
public sealed class NativeLanguageSearchTests : IClassFixture<NativeLanguageSearchTests.MultilingualIndex>
{
    private readonly MultilingualIndex _fixture;

    public NativeLanguageSearchTests(MultilingualIndex fixture) => _fixture = fixture;

    [Theory]
    [InlineData("incident response team staffing", "nist_sp800-61r2_2012.pdf", "en")]
    [InlineData("sécurité des systèmes d'information de l'État", "ncss_benin_2020_fr.txt", "fr")]
    [InlineData("estrategias de ciberseguridad nacional", "ncss_spain_2013_es.txt", "es")]
    [InlineData("информационной безопасности", "ncss_kazakhstan_2017_ru.txt", "ru")]
    [InlineData("الأمن السيبراني", "sa_nca_ecc-controls_ar-en.txt", "ar")]
    [InlineData("网络安全", "resolution45_zh.txt", "zh")]
    public void NativeQuery_TopHitIsFromTheDocumentInThatLanguage(string query, string expectedFile, string language)
    {
        using var index = KeywordIndex.OpenForReading(_fixture.Path);

        var hits = index.Search(new SearchRequest(query, 3)).Hits;
        var filtered = index.Search(new SearchRequest(query, 3) { Filters = new SearchFilters { Languages = [language] } }).Hits;

        Assert.EndsWith(expectedFile, hits[0].Source);
        Assert.NotEmpty(filtered);
        Assert.Contains("<mark>", hits[0].Snippet);
    }

    public sealed class MultilingualIndex : IDisposable
    {
        private readonly TempFolder _temp = new();

        public MultilingualIndex()
        {
            Path = _temp.Combine("index");
            Ingest.Paths(Path,
                TestPaths.SampleCorpus("nist_sp800-61r2_2012.pdf"),
                TestPaths.SharedCorpus("text/ncss_benin_2020_fr.txt"),
                TestPaths.SharedCorpus("text/ncss_spain_2013_es.txt"),
                TestPaths.SharedCorpus("text/ncss_kazakhstan_2017_ru.txt"),
                TestPaths.SharedCorpus("text/sa_nca_ecc-controls_ar-en.txt"),
                TestPaths.SharedSeed("resolution45_zh.txt"));
        }

        public string Path { get; }

        public void Dispose() => _temp.Dispose();
    }
}
