using KnowledgeBase.Tests.Support;
using KnowledgeBase.Core.Documents.Metadata;
using static KnowledgeBase.Tests.Metadata.CorpusMetadata;

namespace KnowledgeBase.Tests.Metadata;

/// <summary>National strategies, policies and laws from the dataset in ../shared/corpus/text, and the ITU resolution seed.</summary>
public sealed class NationalDocumentMetadataTests
{
    [SharedCorpusTheory]
    [InlineData("text/ncss_benin_2020_fr.txt", "BJ", "Benin", "Africa", "fr", "2020-05")]
    [InlineData("text/ncss_burkina-faso_2019_fr.txt", "BF", "Burkina Faso", "Africa", "fr", "2019")]
    [InlineData("text/ncss_costa-rica_2021_es.txt", "CR", "Costa Rica", "Americas", "es", "2021")]
    [InlineData("text/ncss_panama_2021_es.txt", "PA", "Panama", "Americas", "es", "2021-12")]
    [InlineData("text/ncss_kazakhstan_2017_ru.txt", "KZ", "Kazakhstan", "CIS", "ru", "2017-02")]
    [InlineData("text/ncss_north-macedonia_2018_en.txt", "MK", "North Macedonia", "Europe", "en", "2018")]
    public void Strategy_CountryLanguageAndDateFromFileNameAndFirstPage(
        string file, string code, string name, string region, string language, string date)
    {
        var (metadata, warnings) = Corpus(file);

        Assert.Equal("national-strategy", metadata.Type);
        Assert.Equal(code, metadata.CountryCode);
        Assert.Equal(name, metadata.CountryName);
        Assert.Equal(region, metadata.Region);
        Assert.Equal(language, metadata.Language);
        Assert.Equal(date, metadata.ApprovalDate);
        Assert.Empty(warnings);
    }

    [SharedCorpusFact]
    public void Kazakhstan_RussianConcept_IsAStrategyTitledFromItsFirstLine()
    {
        var metadata = Corpus("text/ncss_kazakhstan_2017_ru.txt").Metadata;

        Assert.Equal("Об утверждении Концепции кибербезопасности («Киберщит Казахстана»)", metadata.Title);
        Assert.Equal(2017, metadata.Year);
    }

    [SharedCorpusFact]
    public void Chad_LabelledAs2012Strategy_IsA2022LawWithYearWarning()
    {
        var (metadata, warnings) = Corpus("text/ncss_chad_2012_fr.txt");

        Assert.Equal("national-law", metadata.Type);
        Assert.Equal(2022, metadata.Year);
        Assert.Equal("TD", metadata.CountryCode);
        Assert.Equal("Chad", metadata.CountryName);
        Assert.Contains("year in file name 2012 differs from first page 2022: kept first page", warnings);
    }

    [SharedCorpusFact]
    public void Russia_StatePolicyPrinciples_IsAPolicy()
    {
        var metadata = Corpus("text/ncss_russia_2013_en.txt").Metadata;

        Assert.Equal("national-policy", metadata.Type);
        Assert.Equal("RU", metadata.CountryCode);
        Assert.Equal("CIS", metadata.Region);
    }

    [SharedCorpusFact]
    public void Resolution45InChinese_IsWtdcResolutionRevisedInKigali2022()
    {
        var (metadata, warnings) = Seed("resolution45_zh.txt");

        Assert.Equal("itu-resolution", metadata.Type);
        Assert.Equal("WTDC Resolution 45", metadata.Identifier);
        Assert.Equal("WTDC", metadata.Body);
        Assert.Equal(45, metadata.ResolutionNumber);
        Assert.Equal("Kigali", metadata.RevisionPlace);
        Assert.Equal(2022, metadata.RevisionYear);
        Assert.Equal(2022, metadata.Year);
        Assert.Equal("zh", metadata.Language);
        Assert.Equal("加强在网络安全（包括抵制和打击垃圾信息）领域合作的机制", metadata.Title);
        Assert.Empty(warnings);
    }

    [Fact]
    public void ResolutionInEnglish_HeadingGivesNumberPlaceYearAndBody()
    {
        const string text = "RESOLUTION 50 (Rev. Geneva, 2022)\n\nCybersecurity\n\n"
            + "The World Telecommunication Standardization Assembly (Geneva, 2022),\n\nrecalling\n\na) Resolution 130 (Rev. Dubai, 2018) of the Plenipotentiary Conference";

        var metadata = MetadataExtractor.Extract("res50.txt", text, null, 1).Metadata;

        Assert.Equal("WTSA Resolution 50", metadata.Identifier);
        Assert.Equal("Geneva", metadata.RevisionPlace);
        Assert.Equal(2022, metadata.RevisionYear);
        Assert.Equal("Cybersecurity", metadata.Title);
    }

    [Fact]
    public void TextWithoutAnyMetadata_WarnsOfMissingDateAndIdentifier()
    {
        var (metadata, warnings) = MetadataExtractor.Extract("notes.txt", "Some meeting notes about passwords and backups.", null, 1);

        Assert.Equal("other", metadata.Type);
        Assert.Contains("no date found", warnings);
        Assert.Contains("no identifier found", warnings);
    }
}
