using KnowledgeBase.Core.Ingestion.Parsing.Pdf;
using KnowledgeBase.Tests.Support;

namespace KnowledgeBase.Tests.Ocr;

/// <summary>The garbage-text detector on real text layers: GB 17859-1999's is garbage, born-digital pages are not.</summary>
public sealed class TextLayerQualityTests
{
    [Theory]
    [InlineData("Prioritizing the handling of the incident is perhaps the most critical decision point in the incident handling process.")]
    [InlineData("La stratégie nationale de cybersécurité vise à renforcer la confiance numérique et la résilience des infrastructures critiques.")]
    [InlineData("La estrategia nacional de ciberseguridad establece los principios rectores y las líneas de acción del Gobierno.")]
    [InlineData("Национальная стратегия кибербезопасности определяет цели и задачи государства в сфере защиты информации.")]
    [InlineData("تهدف الضوابط الأساسية للأمن السيبراني إلى تعزيز حماية الأصول المعلوماتية والتقنية للجهات الوطنية")]
    [InlineData("本标准规定了不同安全保护等级信息系统的基本保护要求，包括基本技术要求和基本管理要求。")]
    [InlineData("1 Scope .......... 1\n2 References .......... 2\n3 Definitions .......... 3\n4 Abbreviations .......... 4\n5 Conventions .......... 5")]
    public void IsGarbage_ReadableText_IsNot(string text) => Assert.False(TextLayerQuality.IsGarbage(text));

    [Theory]
    [InlineData("ñ ,ò&*% ³:¬­óô õöñ ,/Þ*-.,ò&*% ÷ø¤ÚùúûÀÁ:wü¬­:cñ \"LMýæþ -*)*-*,*/(./\" ýæC·Ñ·Ö×ÿLM:º")]
    [InlineData("\uE001\uE002\uE003\uE004 \uE005\uE006\uE007 \uE008\uE009\uE00A\uE00B \uE00C\uE00D\uE00E\uE00F\uE010\uE011\uE012 \uE013\uE014\uE015\uE016")]
    [InlineData("xq bcd fgh jkl mnp qrs tvw xz bcdf ghjk lmnp qrst vwxz bbcc ddff gghh jjkk llmm nnpp qqrr sstt vvww")]
    public void IsGarbage_UnmappedGlyphs_Is(string text) => Assert.True(TextLayerQuality.IsGarbage(text));

    [SharedCorpusTheory]
    [InlineData("pdf/cn_gb-t_17859-1999.pdf", true)]
    [InlineData("pdf/cn_gb-t_22240-2008.pdf", false)]
    [InlineData("pdf/itu-t_X.1056-200901-I.pdf", false)]
    [InlineData("pdf/itu-t_X.20bis-198811-I.pdf", false)]
    [InlineData("pdf/nist_ir7298r2_glossary_2013.pdf", false)]
    [InlineData("pdf/sa_nca_ecc-2-2024_en.pdf", false)]
    [InlineData("pdf/nist_sp800-53_2005.pdf", false)]
    public void Parse_SharedCorpusPdf_FlagsGarbageTextLayersOnly(string file, bool garbage)
    {
        var document = new PdfParser().Parse(File.ReadAllBytes(TestPaths.SharedCorpus(file)), file, CancellationToken.None);

        Assert.Equal(garbage, document.Warnings.Any(w => w.Contains("map glyphs to no readable characters", StringComparison.Ordinal)));
    }
}
