using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Core.Ingestion.Pipeline;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Ocr;

/// <summary>
/// Scanned pages through the real pipeline with the real engines (Debian's tesseract-ocr and poppler-utils, which
/// tools/test.sh installs): a scan of two NIST SP 800-61r2 pages made for this repository (public domain), and the
/// GB scans of ../shared.
/// </summary>
public sealed class OcrIngestionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string IndexPath => _temp.Combine("index");

    [Fact]
    public void ScannedNistPages_AreReadByOcr_AndAPhraseFindsItsPageAndClause()
    {
        var pages = new List<PageProgress>();
        var summary = OcrIngestion.Run(IndexPath, new OcrOptions(), OcrIngestion.ScannedNistFixture, new SynchronousProgress<PageProgress>(pages.Add));

        Assert.Equal(IngestionStatus.Indexed, Assert.Single(summary.Outcomes).Status);
        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hit = index.Search(new SearchRequest("incidents should not be handled on a first-come first-served basis", 1)).Hits.Single();
        Assert.Equal(1, hit.PageStart);
        Assert.Equal("3.2.6", hit.Clause);
        Assert.Contains("<mark>", hit.Snippet);
        var record = index.GetDocument(hit.DocumentId)!;
        Assert.Equal([1, 2], record.OcrPages);
        Assert.Empty(record.ImageOnlyPages);
        var extracted = index.GetExtracted(hit.DocumentId)!;
        Assert.All(extracted.Pages, p => Assert.InRange(p.OcrConfidence!.Value, 80, 100));
        Assert.Contains("Incident Prioritization", extracted.Text, StringComparison.Ordinal);
        Assert.Contains(new PageProgress(summary.Outcomes[0].File, 2, 2), pages);
    }

    [Fact]
    public void MissingEngine_LeavesPagesImageOnly_WithAWarningAndNoFailure()
    {
        var options = new OcrOptions { TesseractPath = _temp.Combine("no-such-tesseract") };

        var outcome = Assert.Single(OcrIngestion.Run(IndexPath, options, OcrIngestion.ScannedNistFixture).Outcomes);

        Assert.Equal(IngestionStatus.Indexed, outcome.Status);
        Assert.Contains(outcome.Warnings!, w => w.StartsWith("not OCR'd: OCR engine not found", StringComparison.Ordinal));
        using var index = KeywordIndex.OpenForReading(IndexPath);
        var record = index.GetDocument(outcome.DocumentId!)!;
        Assert.Equal([1, 2], record.ImageOnlyPages);
        Assert.Empty(record.OcrPages);
    }

    [Fact]
    public void OcrSwitchedOff_LeavesPagesImageOnly()
    {
        var outcome = Assert.Single(OcrIngestion.Run(IndexPath, new OcrOptions { Enabled = false }, OcrIngestion.ScannedNistFixture).Outcomes);

        Assert.Contains(outcome.Warnings!, w => w.Contains("KB__Ocr__Enabled=false", StringComparison.Ordinal));
        using var index = KeywordIndex.OpenForReading(IndexPath);
        Assert.Equal([1, 2], index.GetDocument(outcome.DocumentId!)!.ImageOnlyPages);
    }

    [Fact]
    public void PagesPastTheLimit_StayImageOnly_AndTheWarningNamesThemAndTheSetting()
    {
        var outcome = Assert.Single(OcrIngestion.Run(IndexPath, new OcrOptions { MaxPagesPerDocument = 1 }, OcrIngestion.ScannedNistFixture).Outcomes);

        Assert.Contains(outcome.Warnings!, w => w.Contains("KB__Ocr__MaxPagesPerDocument", StringComparison.Ordinal) && w.EndsWith("pages 2 stay image-only", StringComparison.Ordinal));
        using var index = KeywordIndex.OpenForReading(IndexPath);
        var record = index.GetDocument(outcome.DocumentId!)!;
        Assert.Equal([1], record.OcrPages);
        Assert.Equal([2], record.ImageOnlyPages);
    }

    [SharedCorpusFact]
    public void ChineseScan_GbT22239_ChinesePhraseFindsItsPage()
    {
        // The first five of its 49 scanned pages keep the test short; the language is found by OSD (no text layer).
        var path = _temp.Copy(TestPaths.SharedCorpus("pdf/cn_gb-t_22239-2008.pdf"), "cn_gb-t_22239-2008.pdf");

        var outcome = Assert.Single(OcrIngestion.Run(IndexPath, new OcrOptions { MaxPagesPerDocument = 5 }, path).Outcomes);

        Assert.Contains(outcome.Warnings!, w => w.Contains("chi_sim+eng", StringComparison.Ordinal));
        using var index = KeywordIndex.OpenForReading(IndexPath);
        var hit = index.Search(new SearchRequest("黑体字表示较低等级中没有出现或增强的要求", 1)).Hits.Single();
        Assert.Equal(5, hit.PageStart);
        Assert.Contains("<mark>", hit.Snippet);
    }

    [SharedCorpusFact]
    public void GarbageTextLayer_Gb17859_IsReplacedByOcrText()
    {
        var path = _temp.Copy(TestPaths.SharedCorpus("pdf/cn_gb-t_17859-1999.pdf"), "cn_gb-t_17859-1999.pdf");

        // Two of its seven pages: IngestionTests reads the whole document through the default pipeline.
        var outcome = Assert.Single(OcrIngestion.Run(IndexPath, new OcrOptions { MaxPagesPerDocument = 2 }, path).Outcomes);

        using var index = KeywordIndex.OpenForReading(IndexPath);
        var record = index.GetDocument(outcome.DocumentId!)!;
        var extracted = index.GetExtracted(outcome.DocumentId!)!;
        Assert.Equal([1, 2], record.OcrPages);
        Assert.Contains("计算机信息系统", extracted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ñ,ò&*%", extracted.Text, StringComparison.Ordinal);
        Assert.True(index.Search(new SearchRequest("安全保护等级", 1)).Hits.Count == 1);
    }

    public void Dispose() => _temp.Dispose();
}
