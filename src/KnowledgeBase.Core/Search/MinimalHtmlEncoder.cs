using System.Buffers;
using System.Text;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;). Lucene's SimpleHTMLEncoder also turns every non-ASCII
/// char into a numeric entity, which makes Chinese, Arabic or Russian snippets unreadable in JSON and terminals.
/// </summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    public static MinimalHtmlEncoder Instance { get; } = new();

    public string EncodeText(string originalText)
    {
        // Lucene's highlighter calls this for every word and every gap between words: most hold nothing to escape
        // and are returned as they are, without a copy.
        if (originalText.AsSpan().IndexOfAny(Special) < 0)
        {
            return originalText;
        }
        return Append(new StringBuilder(originalText.Length + 16), originalText).ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped, copying the spans between the characters to escape.</summary>
    public static StringBuilder Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (var next = text.IndexOfAny(Special); next >= 0; next = text.IndexOfAny(Special))
        {
            builder.Append(text[..next]).Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(next + 1)..];
        }
        return builder.Append(text);
    }
}
