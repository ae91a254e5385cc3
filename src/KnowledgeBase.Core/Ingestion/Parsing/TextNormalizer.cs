using System.Text;

namespace KnowledgeBase.Core.Ingestion.Parsing;

/// <summary>Character-level clean-up shared by the parsers: ligatures, invisible and control characters.</summary>
public static class TextNormalizer
{
    /// <summary>Maps a glyph's text to what a reader would type: "ﬁ" to "fi", soft hyphens to nothing.</summary>
    public static string NormalizeGlyph(string value) => value switch
    {
        "\uFB00" => "ff",
        "\uFB01" => "fi",
        "\uFB02" => "fl",
        "\uFB03" => "ffi",
        "\uFB04" => "ffl",
        "\uFB05" or "\uFB06" => "st",
        "\u00AD" or "\u200B" or "\uFEFF" => "",
        "\u00A0" or "\u2002" or "\u2003" or "\u2009" => " ",
        _ => value.Length == 1 && char.IsControl(value[0]) ? "" : value,
    };

    /// <summary>Applies <see cref="NormalizeGlyph"/> to every char of a string.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' or '\f')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(NormalizeGlyph(c.ToString()));
            }
        }
        return builder.ToString();
    }
}
