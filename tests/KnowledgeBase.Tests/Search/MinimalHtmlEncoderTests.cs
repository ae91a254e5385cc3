using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Tests.Search;

public sealed class MinimalHtmlEncoderTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<mark>\"x\"</mark>", "&lt;mark&gt;&quot;x&quot;&lt;/mark&gt;")]
    [InlineData("'", "&#39;")]
    [InlineData("&&", "&amp;&amp;")]
    [InlineData("网络 & безопасность <é>", "网络 &amp; безопасность &lt;é&gt;")]
    public void EncodeText_EscapesWhatHtmlNeedsAndKeepsOtherCharacters(string text, string expected) =>
        Assert.Equal(expected, MinimalHtmlEncoder.Instance.EncodeText(text));

    [Fact]
    public void EncodeText_NothingToEscape_ReturnsTheTextWithoutACopy()
    {
        var text = string.Concat("incident ", "réponse 网络");

        Assert.Same(text, MinimalHtmlEncoder.Instance.EncodeText(text));
    }
}
