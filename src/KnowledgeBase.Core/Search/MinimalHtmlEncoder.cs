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
        // The highlighter calls this for every word and every gap between words: most hold nothing to escape and are
        // returned as they are, without a copy.
        var next = originalText.AsSpan().IndexOfAny(Special);
        if (next < 0)
        {
            return originalText;
        }
        var builder = new StringBuilder(originalText.Length + 16);
        var rest = originalText.AsSpan();
        while (next >= 0)
        {
            builder.Append(rest[..next]).Append(rest[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            rest = rest[(next + 1)..];
            next = rest.IndexOfAny(Special);
        }
        return builder.Append(rest).ToString();
    }
}
