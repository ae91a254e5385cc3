using KnowledgeBase.Core.Ingestion.Parsing;

namespace KnowledgeBase.Tests.Parsing;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("\uF0B7 Statement of management commitment", "• Statement of management commitment")]
    [InlineData("\uF0A7 item\tnext", "• item\tnext")]
    [InlineData("\uF0D8 arrow and \uF0FC tick", "• arrow and • tick")]
    [InlineData("Copyright\uF020\uF0E3 ITU 2019 \uF02D draft", "Copyright © ITU 2019 - draft")]
    [InlineData("\uF8E9 2008 ITU", "© 2008 ITU")]
    [InlineData("e\uFB03cient of\u00ADfice", "efficient office")]
    public void Normalize_MapsSymbolFontGlyphsAndLigaturesToReadableText(string raw, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(raw));

    [Fact]
    public void Normalize_LeavesOtherPrivateUseCharactersAlone()
    {
        Assert.Equal("\uE000\uF100", TextNormalizer.Normalize("\uE000\uF100"));
    }
}
