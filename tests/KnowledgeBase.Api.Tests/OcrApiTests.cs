using KnowledgeBase.Api.Tests.Support;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Api.Tests;

/// <summary>
/// OCR through the service: /health says whether the engines are there, and the document and text endpoints say which
/// pages were read by OCR and how confidently (no embedding model: OCR does not depend on one). The fixture is a scan of two NIST SP 800-61r2 pages (public domain).
/// </summary>
public sealed class OcrApiTests : IDisposable
{
    private static readonly string ScannedNist =
        Path.Combine(TestPaths.RepoRoot, "tests", "KnowledgeBase.Tests", "Fixtures", "Ocr", "nist-sp800-61r2-scanned.pdf");

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ScannedUpload_DocumentAndTextEndpoints_CarryTheOcrFields()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?> { ["KnowledgeBase:Embeddings:Provider"] = "none" });
        using var writer = host.CreateWriter();

        var health = await Calls.GetJsonAsync(writer, "/health");
        var id = await Calls.IngestAsync(writer, ScannedNist);
        var document = await Calls.GetJsonAsync(writer, $"/api/documents/{id}");
        var text = await Calls.GetJsonAsync(writer, $"/api/documents/{id}/text");

        Assert.Equal("Healthy", health["checks"]!["ocr"]!["status"]!.GetValue<string>());
        Assert.Equal([1, 2], document["ocrPages"]!.AsArray().Select(p => p!.GetValue<int>()));
        Assert.Empty(document["imageOnlyPages"]!.AsArray());
        var first = text["pages"]![0]!;
        Assert.Equal("ocr", first["source"]!.GetValue<string>());
        Assert.InRange(first["ocrConfidence"]!.GetValue<double>(), 80, 100);
        Assert.Contains("3.2.6 Incident Prioritization", first["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OcrOn_EngineMissing_HealthIsDegraded_AndScannedPagesStayImageOnly()
    {
        using var host = ApiHost.In(_folder, new Dictionary<string, string?>
        {
            ["KnowledgeBase:Embeddings:Provider"] = "none",
            ["KnowledgeBase:Ocr:TesseractPath"] = _folder.Combine("no-such-tesseract"),
        });
        using var writer = host.CreateWriter();

        var health = await Calls.GetJsonAsync(writer, "/health");
        var id = await Calls.IngestAsync(writer, ScannedNist);
        var document = await Calls.GetJsonAsync(writer, $"/api/documents/{id}");
        var text = await Calls.GetJsonAsync(writer, $"/api/documents/{id}/text");

        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Equal("Degraded", health["checks"]!["ocr"]!["status"]!.GetValue<string>());
        Assert.StartsWith("OCR engine not found", health["checks"]!["ocr"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([1, 2], document["imageOnlyPages"]!.AsArray().Select(p => p!.GetValue<int>()));
        Assert.Empty(document["ocrPages"]!.AsArray());
        Assert.All(text["pages"]!.AsArray(), p => Assert.Equal("none", p!["source"]!.GetValue<string>()));
    }

    public void Dispose() => _folder.Dispose();
}
