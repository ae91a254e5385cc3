using KnowledgeBase.Core.Ingestion.Parsing.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using PdfLine = KnowledgeBase.Core.Ingestion.Parsing.Pdf.PdfLine;

namespace KnowledgeBase.Tests.Languages;

/// <summary>
/// Right-to-left lines read back from generated PDFs. PdfPig's builder draws a string's chars left to right as given,
/// so each line is written in visual order (Arabic letters reversed, the way a real PDF places its glyphs) and the
/// reader must return the logical order. The font with Arabic glyphs comes from the Debian package
/// fonts-dejavu-core, which the test script installs.
/// </summary>
public sealed class ArabicPdfTests
{
    private const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void ReadLines_ArabicDrawnInVisualOrder_ReturnsWordsInLogicalOrder()
    {
        var lines = ReadLines(Visual("الأمن السيبراني"));

        Assert.Equal("الأمن السيبراني", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_PresentationFormsInVisualOrder_ReturnBaseLettersInLogicalOrder()
    {
        // The running header of NCA ECC-2:2024 exactly as PdfPig reads it: contextual forms, left to right.
        var lines = ReadLines("\u062F\u0648\uFEAA\u062D\uFEE3 - \uFEAA\uFEF4\uFED8\uFEE3");

        Assert.Equal("مقيد - محدود", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_LatinAndNumbersInsideArabic_KeepTheirOwnOrder()
    {
        var lines = ReadLines($"{Visual("في الجهة")} ISO 27001 {Visual("تطبيق معيار")}");

        Assert.Equal("تطبيق معيار ISO 27001 في الجهة", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_ClauseNumberOnTheRightOfArabicHeading_ComesFirst()
    {
        var lines = ReadLines($"{Visual("إستراتيجية الأمن السيبراني")} 1-1-2");

        Assert.Equal("1-1-2 إستراتيجية الأمن السيبراني", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_ParenthesesInArabic_AreMirroredBack()
    {
        var lines = ReadLines($"(ECC) {Visual("الضوابط")}");

        Assert.Equal("الضوابط (ECC)", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_EnglishLineWithArabicMarking_ReversesOnlyTheArabicRun()
    {
        var lines = ReadLines($"Essential Cybersecurity Controls {Visual("مقيد - محدود")}");

        Assert.Equal("Essential Cybersecurity Controls مقيد - محدود", Assert.Single(lines));
    }

    [Fact]
    public void ReadLines_ArabicTableRow_ReadsCellsFromTheRight()
    {
        var pdf = Build((page, font) =>
        {
            page.AddText(Visual("الحوكمة"), 11, new PdfPoint(100, 700), font);
            page.AddText(Visual("الأمن السيبراني"), 11, new PdfPoint(300, 700), font);
        });

        var line = Assert.Single(ReadPdfLines(pdf));

        Assert.Equal(["الأمن السيبراني", "الحوكمة"], line.Cells);
    }

    [Fact]
    public void ReadLines_LatinText_IsUnchanged()
    {
        const string text = "Annex (A) lists 12 controls: ISO/IEC 27001:2022, 5.1-5.3 and [NIST] <CSF>.";

        var lines = ReadLines(text);

        Assert.Equal(text, Assert.Single(lines));
    }

    /// <summary>The visual (left-to-right) order of a purely right-to-left phrase: its chars reversed.</summary>
    private static string Visual(string logical) => new([.. logical.Reverse()]);

    private static List<string> ReadLines(string visualLine) =>
        [.. ReadPdfLines(Build((page, font) => page.AddText(visualLine, 11, new PdfPoint(72, 700), font))).Select(l => l.Text)];

    private static IReadOnlyList<PdfLine> ReadPdfLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return PdfLineReader.ReadLines(document.GetPage(1));
    }

    private static byte[] Build(Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont> draw)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        draw(builder.AddPage(PageSize.A4), font);
        return builder.Build();
    }
}
