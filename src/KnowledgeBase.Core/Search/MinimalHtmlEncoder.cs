using System.Text;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;). Lucene's SimpleHTMLEncoder also turns every non-ASCII
/// char into a numeric entity, which makes Chinese, Arabic or Russian snippets unreadable in JSON and terminals.
/// </summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static MinimalHtmlEncoder Instance { get; } = new();

    public string EncodeText(string originalText)
    {
        var builder = new StringBuilder(originalText.Length);
        foreach (var c in originalText)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
