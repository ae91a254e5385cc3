using KnowledgeBase.Core.Documents.Metadata;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Metadata;

public sealed class SidecarMetadataTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PathFor_PutsMetaJsonBesideTheDocument()
    {
        var path = SidecarMetadata.PathFor(Path.Combine("docs", "report.pdf"));

        Assert.Equal(Path.Combine("docs", "report.meta.json"), path);
    }

    [Fact]
    public void Load_WithoutSidecar_ReturnsNull()
    {
        var document = _folder.Write("report.pdf", "%PDF-1.7");

        Assert.Null(SidecarMetadata.Load(document));
    }

    [Fact]
    public void Load_ValidSidecar_MergesOverExtractedValues()
    {
        var document = _folder.Write("report.pdf", "%PDF-1.7");
        _folder.Write("report.meta.json", """
            {
              "type": "national-strategy",
              "year": 2023,
              "countryCode": "sn",
              "keywords": ["CIRT", "capacity building"]
            }
            """);
        var extracted = new DocumentMetadata { Type = "other", Year = 2012, Title = "Draft", CountryCode = "TD", CountryName = "Chad", Region = "Africa" };

        var sidecar = SidecarMetadata.Load(document)!;
        var merged = SidecarMetadata.Merge(extracted, sidecar);

        Assert.Equal("national-strategy", merged.Type);
        Assert.Equal(2023, merged.Year);
        Assert.Equal("SN", merged.CountryCode);
        Assert.Equal("Senegal", merged.CountryName);
        Assert.Equal("Africa", merged.Region);
        Assert.Equal("Draft", merged.Title);
        Assert.Equal(["CIRT", "capacity building"], merged.Keywords);
    }

    [Theory]
    [InlineData("""{ "year": 1850 }""", "report.meta.json: field \"year\": expected a number between 1900 and 2100")]
    [InlineData("""{ "year": "2020" }""", "report.meta.json: field \"year\": expected a number between 1900 and 2100")]
    [InlineData("""{ "contry": "SN" }""", "report.meta.json: field \"contry\": unknown field")]
    [InlineData("""{ "type": "white-paper" }""", "report.meta.json: field \"type\": expected one of itu-t-recommendation")]
    [InlineData("""{ "status": "withdrawn" }""", "report.meta.json: field \"status\": expected one of in-force, superseded")]
    [InlineData("""{ "countryCode": "XX" }""", "report.meta.json: field \"countryCode\": expected the ISO 3166-1 alpha-2 code")]
    [InlineData("""{ "keywords": "cirt" }""", "report.meta.json: field \"keywords\": expected a list of strings")]
    [InlineData("""{ "title": 12 }""", "report.meta.json: field \"title\": expected a string")]
    [InlineData("""{ "approvalDate": "2009-13" }""", "report.meta.json: field \"approvalDate\": expected \"YYYY\" or \"YYYY-MM\"")]
    [InlineData("""{ "language": "French" }""", "report.meta.json: field \"language\": expected a two-letter ISO 639-1 code")]
    public void Load_MalformedField_ThrowsNamingFileAndField(string json, string expectedStart)
    {
        var document = _folder.Write("report.pdf", "%PDF-1.7");
        _folder.Write("report.meta.json", json);

        var error = Assert.Throws<SidecarMetadataException>(() => SidecarMetadata.Load(document));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.Equal("report.meta.json", error.File);
    }

    [Theory]
    [InlineData("""{ "year": 2020, """)]
    [InlineData("not json")]
    public void Load_InvalidJson_ThrowsNamingFileAndLine(string json)
    {
        var document = _folder.Write("report.pdf", "%PDF-1.7");
        _folder.Write("report.meta.json", json);

        var error = Assert.Throws<SidecarMetadataException>(() => SidecarMetadata.Load(document));

        Assert.StartsWith("report.meta.json: not valid JSON (line 1)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Load_JsonArray_ThrowsNamingFile()
    {
        var document = _folder.Write("report.pdf", "%PDF-1.7");
        _folder.Write("report.meta.json", "[1, 2]");

        var error = Assert.Throws<SidecarMetadataException>(() => SidecarMetadata.Load(document));

        Assert.Equal("report.meta.json: expected a JSON object with metadata fields", error.Message);
    }

    [Fact]
    public void Merge_EmptySidecar_KeepsEveryExtractedValue()
    {
        var extracted = new DocumentMetadata { Identifier = "X.1056", ApprovalDate = "2009-01", Status = "in-force" };

        var merged = SidecarMetadata.Merge(extracted, new DocumentMetadata());

        Assert.Equal(extracted, merged);
    }
}
