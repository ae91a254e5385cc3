using KnowledgeBase.Core.Compare;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Compare;

/// <summary>
/// The comparison on small strategies written for the tests, in a real index on disk: verdicts, evidence, row
/// selection and the errors that name a field. Runs on a fresh clone.
/// </summary>
public sealed class CompareServiceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KeywordIndex _index;

    public CompareServiceTests()
    {
        _index = KeywordIndex.OpenForWriting(_temp.Combine("index"));
        ComparedDocuments.Add(_index, "benin-2020", "BJ", "fr", 2020,
            ("Axe 1 : réponse aux incidents", "Le Gouvernement créera un CSIRT national chargé de la réponse aux incidents informatiques."),
            ("Axe 2 : protection", "Le CSIRT national coordonne les CSIRT sectoriels et publie des alertes."),
            ("Axe 3 : confiance", "La protection des données à caractère personnel est confiée à l'autorité de protection."));
        ComparedDocuments.Add(_index, "ghana-2015", "GH", "en", 2015,
            ("Child online protection", "Government will develop a framework for child online protection with industry."),
            ("Awareness", "A national awareness campaign will reach schools; the national CERT will publish advisories."),
            ("Glossary", "CSIRT: computer security incident response team. CERT: computer emergency response team."));
        ComparedDocuments.Add(_index, "togo-2024", "TG", "fr", 2024,
            ("Introduction", "La stratégie nationale de cybersécurité couvre la gouvernance et la coopération internationale."));
    }

    [Fact]
    public void A_French_strategy_that_creates_a_national_CSIRT_is_addressed_with_its_passages()
    {
        var result = Compare(new CompareRows { Countries = ["BJ"] }, "national-cirt");

        var cell = result.Cell("BJ", "national-cirt");
        Assert.Equal(CoverageVerdict.Addressed, cell.Verdict);
        Assert.Equal(2, cell.MatchedPassages);
        Assert.True(cell.Score >= CompareThresholds.Addressed);
        var best = cell.Passages[0];
        Assert.Equal("benin-2020", best.DocumentId);
        Assert.Contains("<mark>", best.Snippet, StringComparison.Ordinal);
        Assert.Equal("fr", best.Language);
        Assert.Equal(2020, best.Year);
        Assert.Equal($"/api/documents/benin-2020/file#page={best.PageStart}", best.Link);
        Assert.NotNull(best.Clause);
    }

    [Fact]
    public void A_topic_nothing_in_the_row_matches_is_not_found_with_no_passages()
    {
        var result = Compare(new CompareRows { Countries = ["TG"] }, "child-online-protection");

        var cell = result.Cell("TG", "child-online-protection");
        Assert.Equal(CoverageVerdict.NotFound, cell.Verdict);
        Assert.Equal(0, cell.Score);
        Assert.Empty(cell.Passages);
    }

    [Fact]
    public void One_passing_passage_is_mentioned_and_a_heading_on_the_topic_makes_it_addressed()
    {
        var result = Compare(new CompareRows { Countries = ["BJ", "GH"] }, "data-protection", "child-online-protection");

        Assert.Equal(CoverageVerdict.Mentioned, result.Cell("BJ", "data-protection").Verdict);
        Assert.Equal(CoverageVerdict.Addressed, result.Cell("GH", "child-online-protection").Verdict);
        Assert.Equal(1 + CompareThresholds.HeadingBonus, result.Cell("GH", "child-online-protection").Score);
    }

    [Fact]
    public void A_glossary_entry_is_neither_counted_nor_cited()
    {
        var result = Compare(new CompareRows { Countries = ["GH"] }, "national-cirt");

        var cell = result.Cell("GH", "national-cirt");
        Assert.Equal(1, cell.MatchedPassages);
        Assert.DoesNotContain(cell.Passages, p => p.Snippet.Contains("emergency response team", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void French_phrasings_match_French_text_and_English_phrasings_English_text()
    {
        var result = Compare(new CompareRows { Countries = ["BJ", "GH"] }, "awareness-raising");

        Assert.Equal(CoverageVerdict.NotFound, result.Cell("BJ", "awareness-raising").Verdict);
        Assert.NotEqual(CoverageVerdict.NotFound, result.Cell("GH", "awareness-raising").Verdict);
    }

    [Fact]
    public void A_country_without_documents_keeps_its_row_marked_no_documents()
    {
        var result = Compare(new CompareRows { Countries = ["BJ", "SN"] }, "national-cirt");

        Assert.Equal(["BJ", "SN"], result.Rows.Select(r => r.Key));
        Assert.Empty(result.Rows[1].Documents);
        Assert.Equal(CoverageVerdict.NoDocuments, result.Cell("SN", "national-cirt").Verdict);
    }

    [Fact]
    public void A_region_and_years_choose_the_rows_one_per_country()
    {
        var result = Compare(new CompareRows { Regions = ["africa"], YearFrom = 2016 }, "national-cirt");

        Assert.Equal(["BJ", "TG"], result.Rows.Select(r => r.Key));
    }

    [Fact]
    public void Listed_documents_are_rows_of_their_own()
    {
        var result = Compare(new CompareRows { Documents = ["ghana-2015", "benin-2020"] }, "national-cirt");

        Assert.Equal(["ghana-2015", "benin-2020"], result.Rows.Select(r => r.Key));
        Assert.Equal("GH", result.Rows[0].CountryCode);
    }

    [Fact]
    public void A_free_text_topic_is_searched_as_written()
    {
        var topic = new CompareTopic("schools", "schools", new Dictionary<string, IReadOnlyList<string>> { [CompareTopic.AnyLanguage] = ["schools"] });

        var result = new CompareService(_index).Compare(new CompareRequest(new CompareRows { Countries = ["GH"] }, [topic]));

        Assert.Equal(CoverageVerdict.Mentioned, result.Cell("GH", "schools").Verdict);
    }

    [Theory]
    [InlineData("rows.countries", "XX", null, null)]
    [InlineData("rows.region", null, "Atlantis", null)]
    [InlineData("rows.documents", null, null, "no-such-document")]
    [InlineData("rows", null, null, null)]
    public void Bad_rows_name_the_field(string field, string? country, string? region, string? document)
    {
        var rows = new CompareRows
        {
            Countries = country is null ? [] : [country],
            Regions = region is null ? [] : [region],
            Documents = document is null ? [] : [document],
        };

        var error = Assert.Throws<CompareValidationException>(() => Compare(rows, "national-cirt"));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void An_unknown_topic_id_is_named()
    {
        var error = Assert.Throws<CompareValidationException>(() => BuiltinTopics.Resolve(["national-cirt", "space-lasers"]));

        Assert.Equal("topics", error.Field);
        Assert.Contains("space-lasers", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _index.Dispose();
        _temp.Dispose();
    }

    private CompareResult Compare(CompareRows rows, params string[] topics) =>
        new CompareService(_index).Compare(new CompareRequest(rows, BuiltinTopics.Resolve(topics)));
}
