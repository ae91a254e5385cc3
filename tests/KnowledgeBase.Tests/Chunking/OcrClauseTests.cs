using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Ingestion.Chunking;
using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Chunking;

/// <summary>
/// Two excerpted pages of NIST SP 800-61r2 (public domain) whose clause numbers do not continue each other, as a
/// scan of selected pages has them: on OCR'd pages a numbered heading standing as its own paragraph is a clause,
/// on born-digital pages the numbering chain still decides.
/// </summary>
public sealed class OcrClauseTests
{
    [Fact]
    public void Detect_ExcerptedOcrPages_NumberedHeadingsStandingAloneAreClauses()
    {
        var headings = ClauseDetector.Detect(Excerpt(ocr: true));

        Assert.Equal(["3.2.6", "3.3.2"], headings.Select(h => h.Label));
        Assert.Equal("Incident Prioritization", headings[0].Title);
    }

    [Fact]
    public void Detect_ExcerptedBornDigitalPages_KeepTheNumberingChainRule()
    {
        Assert.Empty(ClauseDetector.Detect(Excerpt(ocr: false)));
    }

    [Fact]
    public void Detect_OcrPages_ANumberedLineInsideAParagraphIsNoClause()
    {
        var builder = new ExtractedTextBuilder();
        builder.StartPage(1);
        builder.AppendLine("The thresholds are set as follows:");
        builder.AppendLine("2.5 Percent of all traffic may be sampled.");
        builder.AppendParagraphBreak();
        var document = builder.Build(MediaTypes.Pdf, "scan");

        Assert.Empty(ClauseDetector.Detect(WithOcrPages(document)));
    }

    private static ExtractedDocument Excerpt(bool ocr)
    {
        var builder = new ExtractedTextBuilder();
        builder.StartPage(1);
        builder.AppendLine("3.2.6 Incident Prioritization");
        builder.AppendParagraphBreak();
        builder.AppendLine("Prioritizing the handling of the incident is perhaps the most critical decision point.");
        builder.AppendParagraphBreak();
        builder.StartPage(2);
        builder.AppendLine("3.3.2 Evidence Gathering and Handling");
        builder.AppendParagraphBreak();
        builder.AppendLine("Although the primary reason for gathering evidence is to resolve the incident.");
        builder.AppendParagraphBreak();
        var document = builder.Build(MediaTypes.Pdf, "excerpt");
        return ocr ? WithOcrPages(document) : document;
    }

    private static ExtractedDocument WithOcrPages(ExtractedDocument document) =>
        document with { Pages = document.Pages.Select(p => p with { OcrConfidence = 90 }).ToArray() };
}
