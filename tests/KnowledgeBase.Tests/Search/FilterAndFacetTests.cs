using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Search;

public sealed class FilterAndFacetTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public FilterAndFacetTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        IndexedDocuments.Add(_index, "sn", "Stratégie nationale de cybersécurité du Sénégal et réponse aux incidents.",
            Strategy("SN", "Senegal", "Africa", 2017), language: "fr");
        IndexedDocuments.Add(_index, "bj", "Stratégie nationale de sécurité numérique du Bénin, réponse aux incidents.",
            Strategy("BJ", "Benin", "Africa", 2020), language: "fr");
        IndexedDocuments.Add(_index, "jm", "Jamaica national cyber security strategy and incident response.",
            Strategy("JM", "Jamaica", "Americas", 2015), language: "en");
        IndexedDocuments.Add(_index, "x1056", "Security incident management guidelines and incident response.", new DocumentMetadata
        {
            Type = "itu-t-recommendation", Identifier = "X.1056", Series = "X", StudyGroup = "17", Question = "4/17",
            StudyPeriod = "2009-2012", Year = 2009, ApprovalDate = "2009-01",
        });
    }

    [Theory]
    [InlineData("type", "national-strategy", "bj,jm,sn")]
    [InlineData("series", "X", "x1056")]
    [InlineData("identifier", "x.1056", "x1056")]
    [InlineData("sg", "17", "x1056")]
    [InlineData("question", "4/17", "x1056")]
    [InlineData("period", "2009-2012", "x1056")]
    [InlineData("country", "sn", "sn")]
    [InlineData("region", "africa", "bj,sn")]
    [InlineData("lang", "fr", "bj,sn")]
    public void Filter_OnEachField_KeepsOnlyMatchingDocuments(string field, string value, string expected)
    {
        var filters = field switch
        {
            "type" => new SearchFilters { Types = [value] },
            "series" => new SearchFilters { Series = [value] },
            "identifier" => new SearchFilters { Identifiers = [value] },
            "sg" => new SearchFilters { StudyGroups = [value] },
            "question" => new SearchFilters { Questions = [value] },
            "period" => new SearchFilters { Periods = [value] },
            "country" => new SearchFilters { Countries = [value] },
            "region" => new SearchFilters { Regions = [value] },
            _ => new SearchFilters { Languages = [value] },
        };

        var hits = _index.Search(new SearchRequest("incident incidents réponse", 10) { Filters = filters }).Hits;

        Assert.Equal(expected, string.Join(',', hits.Select(h => h.DocumentId).Order()));
    }

    [Fact]
    public void Filter_YearRangeCombinedWithRegion_IntersectsBoth()
    {
        var filters = new SearchFilters { Regions = ["Africa"], YearFrom = 2018, YearTo = 2024 };

        var hits = _index.Search(new SearchRequest("stratégie", 10) { Filters = filters }).Hits;

        Assert.Equal(["bj"], hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Facets_CountMatchingDocumentsPerValue()
    {
        var results = _index.Search(new SearchRequest("incident incidents", 10) { IncludeFacets = true });

        Assert.Contains(new FacetCount("national-strategy", 3), results.Facets["type"]);
        Assert.Contains(new FacetCount("itu-t-recommendation", 1), results.Facets["type"]);
        Assert.Equal(new FacetCount("Africa", 2), results.Facets["region"][0]);
        Assert.Contains(new FacetCount("fr", 2), results.Facets["lang"]);
        Assert.Contains(new FacetCount("2009", 1), results.Facets["year"]);
    }

    [Fact]
    public void Facets_NotAsked_AreNotCounted()
    {
        var results = _index.Search(new SearchRequest("incident incidents", 10));

        Assert.NotEmpty(results.Hits);
        Assert.Empty(results.Facets);
    }

    [Fact]
    public void Search_OnlyEnglishAndFrenchIndexed_StillFindsBothAndIgnoresEmptyLanguages()
    {
        var english = _index.Search(new SearchRequest("incident response", 10)).Hits;
        var french = _index.Search(new SearchRequest("réponse aux incidents", 10)).Hits;

        Assert.Contains(english, h => h.DocumentId == "jm");
        Assert.Contains(french, h => h.DocumentId == "sn");
        Assert.DoesNotContain(_index.Catalog.IndexedFields, f => f.EndsWith("_ru", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_FrenchQuery_MatchesFrenchStemsOfFrenchDocuments()
    {
        var hits = _index.Search(new SearchRequest("stratégies nationales", 10) { Filters = new SearchFilters { Languages = ["fr"] } }).Hits;

        Assert.Equal(["bj", "sn"], hits.Select(h => h.DocumentId).Order());
        Assert.All(hits, h => Assert.Contains("<mark>", h.Snippet));
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private static DocumentMetadata Strategy(string code, string name, string region, int year) => new()
    {
        Type = "national-strategy", CountryCode = code, CountryName = name, Region = region, Year = year,
    };
}
