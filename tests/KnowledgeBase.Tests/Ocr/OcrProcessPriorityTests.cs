using System.Runtime.Versioning;
using KnowledgeBase.Core.Ingestion.Ocr;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Ocr;

/// <summary>
/// OCR processes run below the service's own priority, so a service ingesting scans keeps its cores for searches.
/// The engine here is a stand-in script speaking Tesseract's TSV, which reports the nice value it was started with.
/// Linux only, as the nice value it checks.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class OcrProcessPriorityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Recognize_RunsTesseractBelowNormalPriority()
    {
        var tesseract = _temp.Write("tesseract", """
            #!/bin/sh
            cat >/dev/null
            printf 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n'
            printf '5\t1\t1\t1\t1\t1\t100\t50\t90\t40\t95\tnice%s\n' "$(nice)"
            """.Replace("\r", "", StringComparison.Ordinal));
        File.SetUnixFileMode(tesseract, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var engine = new OcrEngine(new OcrOptions { TesseractPath = tesseract });

        var page = await engine.RecognizeAsync(1, [0x89, 0x50, 0x4E, 0x47], "eng", CancellationToken.None);

        // nice 10 is .NET's BelowNormal on Linux; the test process itself runs at 0.
        Assert.Equal("nice10", Assert.Single(page.Lines).Text);
    }

    public void Dispose() => _temp.Dispose();
}
