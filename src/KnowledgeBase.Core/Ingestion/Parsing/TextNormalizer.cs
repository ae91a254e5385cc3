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
        _ when value.Length == 1 && char.IsControl(value[0]) => "",
        _ when value.Length == 1 && value[0] is >= '\uF000' and <= '\uF0FF' => SymbolFontGlyph(value[0]),
        "\uF8E8" => "®",
        "\uF8E9" => "©",
        "\uF8EA" => "™",
        _ => value,
    };

    /// <summary>
    /// Symbol and Wingdings fonts without a Unicode map put their glyphs at U+F0xx, which shows as an empty box. In
    /// guidance documents they are nearly all list bullets, ticks and arrows; the few that are not are mapped by name.
    /// </summary>
    private static string SymbolFontGlyph(char glyph) => glyph switch
    {
        '\uF020' => " ",
        '\uF02D' => "-",
        '\uF0D3' or '\uF0E3' => "©",
        '\uF0D2' or '\uF0E2' => "®",
        '\uF0D4' or '\uF0E4' => "™",
        _ => "•",
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
