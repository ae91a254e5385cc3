using KnowledgeBase.Tests.Support;
using static KnowledgeBase.Tests.Metadata.CorpusMetadata;

namespace KnowledgeBase.Tests.Metadata;

/// <summary>NIST, Saudi NCA, Chinese GB and IETF documents from ../shared/corpus.</summary>
public sealed class StandardMetadataTests
{
    [Fact]
    public void NistSp80061r2_IsAGuideWithRevisionInIdentifier()
    {
        var (metadata, warnings) = Corpus("pdf/nist_sp800-61r2_2012.pdf");

        Assert.Equal("guide", metadata.Type);
        Assert.Equal("SP 800-61r2", metadata.Identifier);
        Assert.Equal("2012-08", metadata.ApprovalDate);
        Assert.Equal(2012, metadata.Year);
        Assert.Equal("Computer Security Incident Handling Guide", metadata.Title);
        Assert.Equal("US", metadata.CountryCode);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Fips199_IsAStandard()
    {
        var metadata = Corpus("pdf/nist_fips199_2004.pdf").Metadata;

        Assert.Equal("standard", metadata.Type);
        Assert.Equal("FIPS 199", metadata.Identifier);
        Assert.Equal("2004-02", metadata.ApprovalDate);
    }

    [SharedCorpusFact]
    public void NistIr7298r2_IsAGlossary()
    {
        var metadata = Corpus("pdf/nist_ir7298r2_glossary_2013.pdf").Metadata;

        Assert.Equal("glossary", metadata.Type);
        Assert.Equal("NISTIR 7298r2", metadata.Identifier);
        Assert.Equal("2013-05", metadata.ApprovalDate);
    }

    [SharedCorpusFact]
    public void NcaEcc_WithArabicRunningHeader_IsASaudiStandard()
    {
        var metadata = Corpus("pdf/sa_nca_ecc-2-2024_en.pdf").Metadata;

        Assert.Equal("standard", metadata.Type);
        Assert.Equal("ECC-2:2024", metadata.Identifier);
        Assert.Equal(2024, metadata.Year);
        Assert.Equal("SA", metadata.CountryCode);
        Assert.Equal("Saudi Arabia", metadata.CountryName);
        Assert.Equal("Arab States", metadata.Region);
        Assert.Equal("en", metadata.Language);
    }

    [SharedCorpusFact]
    public void NcaControlList_BilingualFile_HasNoSingleLanguageHint()
    {
        var metadata = Corpus("text/sa_nca_ecc-controls_ar-en.txt").Metadata;

        Assert.Equal("ECC-2:2024", metadata.Identifier);
        Assert.Null(metadata.Language);
    }

    [SharedCorpusFact]
    public void GbT22240_EmDashIdentifierAndIssueDate()
    {
        var metadata = Corpus("pdf/cn_gb-t_22240-2008.pdf").Metadata;

        Assert.Equal("standard", metadata.Type);
        Assert.Equal("GB/T 22240-2008", metadata.Identifier);
        Assert.Equal("2008-06", metadata.ApprovalDate);
        Assert.Equal("CN", metadata.CountryCode);
        Assert.Equal("信息安全技术 信息系统安全等级保护定级指南", metadata.Title);
    }

    [SharedCorpusFact]
    public void GbT22239_ScannedWithoutText_IsNamedFromFileNameWithWarning()
    {
        var (metadata, warnings) = Corpus("pdf/cn_gb-t_22239-2008.pdf");

        Assert.Equal("GB/T 22239-2008", metadata.Identifier);
        Assert.Equal(2008, metadata.Year);
        Assert.Contains(warnings, w => w.StartsWith("identifier from the file name only", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("little or no text on 49 page(s)", StringComparison.Ordinal));
    }

    [SharedCorpusFact]
    public void Rfc4949_IsAStandardDatedFromItsHeader()
    {
        var metadata = Corpus("text/ietf_rfc4949_internet-security-glossary-v2.txt").Metadata;

        Assert.Equal("standard", metadata.Type);
        Assert.Equal("RFC 4949", metadata.Identifier);
        Assert.Equal("2007-08", metadata.ApprovalDate);
        Assert.Equal("Internet Security Glossary, Version 2", metadata.Title);
    }
}
