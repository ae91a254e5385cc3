using KnowledgeBase.Tests.Support;
using KnowledgeBase.Core.Documents.Metadata;
using static KnowledgeBase.Tests.Metadata.CorpusMetadata;

namespace KnowledgeBase.Tests.Metadata;

/// <summary>ITU-T Recommendations from ../shared/corpus; expected values read off their covers and History tables.</summary>
public sealed class ItuRecommendationMetadataTests
{
    [SharedCorpusFact]
    public void X1056_CoverGivesIdentifierDateStudyGroupAndSections()
    {
        var (metadata, warnings) = Corpus("pdf/itu-t_X.1056-200901-I.pdf");

        Assert.Equal("itu-t-recommendation", metadata.Type);
        Assert.Equal("X.1056", metadata.Identifier);
        Assert.Equal("X", metadata.Series);
        Assert.Equal("1056", metadata.Number);
        Assert.Equal("2009-01", metadata.ApprovalDate);
        Assert.Equal(2009, metadata.Year);
        Assert.Equal("in-force", metadata.Status);
        Assert.Equal("17", metadata.StudyGroup);
        Assert.Equal("2009-2012", metadata.StudyPeriod);
        Assert.Equal("Security incident management guidelines for telecommunications organizations", metadata.Title);
        Assert.StartsWith("Recommendation ITU-T X.1056 provides an overview of security incident management", metadata.Summary);
        Assert.Null(metadata.ModificationKind);
        Assert.Empty(warnings);
    }

    [SharedCorpusFact]
    public void X1080_1_KeepsThePartNumberAndReadsEditionAndKeywordsFromHistory()
    {
        var metadata = Corpus("pdf/itu-t_X.1080.1-201805-I.pdf").Metadata;

        Assert.Equal("X.1080.1", metadata.Identifier);
        Assert.Equal("1080.1", metadata.Number);
        Assert.Equal("2018-05", metadata.ApprovalDate);
        Assert.Equal("2.0", metadata.Edition);
        Assert.Equal("17", metadata.StudyGroup);
        Assert.Equal(["e-Health", "protocol", "telebiometrics", "telemedicines"], metadata.Keywords);
    }

    [SharedCorpusFact]
    public void E166_IsDualNumberedWithTwoDigitYearOnCover()
    {
        var (metadata, warnings) = Corpus("pdf/itu-t_E.166-199803.pdf");

        // The file name only says E.166; the cover's E.166/X.122 is the same Recommendation, so no warning.
        Assert.Equal("E.166/X.122", metadata.Identifier);
        Assert.Equal("E", metadata.Series);
        Assert.Equal("166", metadata.Number);
        Assert.Equal("1998-03", metadata.ApprovalDate);
        Assert.Null(metadata.Status);
        Assert.Equal("NUMBERING PLAN INTERWORKING FOR THE E.164 AND X.121 NUMBERING PLANS", metadata.Title);
        Assert.DoesNotContain(warnings, w => w.Contains("differs", StringComparison.Ordinal));
    }

    [SharedCorpusFact]
    public void X20bis_WithGarbledCover_IsNamedFromBodyAndDatedFromFileName()
    {
        var metadata = Corpus("pdf/itu-t_X.20bis-198811-I.pdf").Metadata;

        Assert.Equal("X.20bis", metadata.Identifier);
        Assert.Equal("20bis", metadata.Number);
        Assert.Equal("1988-11", metadata.ApprovalDate);
        Assert.Equal("in-force", metadata.Status);
        Assert.StartsWith("Use on public data networks of Data Terminal Equipment", metadata.Title);
    }

    [SharedCorpusFact]
    public void X1051Corrigendum_UnderItsItuFileName_IsSupersededCorrigendumOneOfX1051()
    {
        // The corpus renamed the file; MANIFEST.tsv keeps the ITU name, whose "-S" says superseded.
        const string file = "pdf/itu-t_X.1051-201709-Cor1.pdf";
        var sourceName = SourceName(file);

        var (metadata, warnings) = CorpusAs(file, sourceName);

        Assert.Equal("T-REC-X.1051-201709-S!Cor1!PDF-E.pdf", sourceName);
        Assert.Equal("X.1051 Cor.1", metadata.Identifier);
        Assert.Equal("corrigendum", metadata.ModificationKind);
        Assert.Equal(1, metadata.ModificationNumber);
        Assert.Equal("X.1051", metadata.BaseIdentifier);
        Assert.Equal("superseded", metadata.Status);
        Assert.Equal("2017-09", metadata.ApprovalDate);
        Assert.Equal("3.1", metadata.Edition);
        Assert.Equal("17", metadata.StudyGroup);
        Assert.Equal("en", metadata.Language);
        Assert.Empty(warnings);
    }

    [SharedCorpusFact]
    public void X1051Corrigendum_UnderCorpusName_StatesNoStatus()
    {
        var metadata = Corpus("pdf/itu-t_X.1051-201709-Cor1.pdf").Metadata;

        Assert.Equal("X.1051 Cor.1", metadata.Identifier);
        Assert.Null(metadata.Status);
    }

    [SharedCorpusFact]
    public void X25Corrigendum_OldCoverGivesCorrigendumAndStudyGroup()
    {
        var metadata = Corpus("pdf/itu-t_X.25-199809-Cor1.pdf").Metadata;

        Assert.Equal("X.25 Cor.1", metadata.Identifier);
        Assert.Equal("X.25", metadata.BaseIdentifier);
        Assert.Equal("corrigendum", metadata.ModificationKind);
        Assert.Equal(1, metadata.ModificationNumber);
        Assert.Equal("1998-09", metadata.ApprovalDate);
        Assert.Equal("7", metadata.StudyGroup);
        Assert.Equal("1997-2000", metadata.StudyPeriod);
    }

    [Fact]
    public void FileNameNamingAnotherRecommendation_KeepsCoverAndWarns()
    {
        const string text = "International Telecommunication Union\n\nITU-T | X.1057\nTELECOMMUNICATION | (05/2011)\n";

        var (metadata, warnings) = MetadataExtractor.Extract("T-REC-X.1056-200901-I!!PDF-E.pdf", text, null, 1);

        Assert.Equal("X.1057", metadata.Identifier);
        Assert.Equal("2011-05", metadata.ApprovalDate);
        Assert.Contains("identifier in file name X.1056 differs from cover X.1057: kept cover", warnings);
        Assert.Contains("date in file name 2009-01 differs from cover 2011-05: kept cover", warnings);
    }
}
